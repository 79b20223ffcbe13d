package dev.terp.platform.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;
import redis.embedded.core.ExecutableProvider;

import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.support.SecondInstance;
import dev.terp.support.embedded.EmbeddedServices;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real Redis outage: an instance on a Redis server of its own (the shared embedded MariaDB), whose process is
 * stopped mid-run and started again, empty, on the same port. Meanwhile the instance stays ready and serves reads
 * (rate limits fail open, counted), health shows redis DOWN, and revocations made during the outage refuse their
 * tokens at once (the database fallback); once Redis is back every revocation — before and during the outage — is
 * in Redis again and still refuses its token.
 */
class RedisOutageIT {

    private static final String LIST = "/api/v1/vendors?limit=1";

    @Test
    void aStoppedRedisKeepsTheInstanceReadyAndLosesNoRevocation() throws Exception {
        EmbeddedServices database = EmbeddedServices.startShared(EmbeddedServices.Options.ephemeral());
        Path redisDirectory = Files.createDirectories(Path.of("target", "redis-outage-" + System.nanoTime()));
        int redisPort = freePort();
        RedisServer redis = startRedis(redisDirectory, redisPort);
        RedisServer restarted = null;
        try (ConfigurableApplicationContext app = SecondInstance.start("--spring.r2dbc.url=" + database.r2dbcUrl(),
                        "--spring.r2dbc.username=" + EmbeddedServices.USER,
                        "--spring.r2dbc.password=" + EmbeddedServices.PASSWORD,
                        "--spring.flyway.url=" + database.jdbcUrl(),
                        "--spring.flyway.user=" + EmbeddedServices.USER,
                        "--spring.flyway.password=" + EmbeddedServices.PASSWORD,
                        "--spring.data.redis.host=" + EmbeddedServices.HOST,
                        "--spring.data.redis.port=" + redisPort,
                        "--terp.resilience.redis.open-for=1s")) {
            JwtTokens tokens = app.getBean(JwtTokens.class);
            MeterRegistry meters = app.getBean(MeterRegistry.class);
            CircuitBreaker breaker = app.getBean(CircuitBreakers.class).named(CircuitBreakers.REDIS);
            String base = "http://localhost:" + app.getEnvironment().getRequiredProperty("local.server.port");
            WebTestClient http = WebTestClient.bindToServer().baseUrl(base).responseTimeout(Duration.ofSeconds(30))
                    .build();
            String admin = adminToken(app, tokens);
            AccessToken reader = tokens.issue(new Actor(991_000_001L, "outage-reader", Set.of(Role.VIEWER)));
            AccessToken loggedOutBefore = tokens.issue(new Actor(991_000_002L, "outage-before", Set.of(Role.VIEWER)));
            AccessToken loggedOutDuring = tokens.issue(new Actor(991_000_003L, "outage-during", Set.of(Role.VIEWER)));
            long disabledId = createUser(http, admin, "outage-disabled-" + System.nanoTime());
            AccessToken ofDisabled = tokens.issue(new Actor(disabledId, "outage-disabled", Set.of(Role.VIEWER)));
            expect(http, reader, 200);
            expect(http, ofDisabled, 200);
            logout(http, loggedOutBefore);
            expect(http, loggedOutBefore, 401);

            redis.stop();
            double failedOpenBefore = sum(meters, "terp.ratelimit.unavailable");

            // Still ready, still serving reads; health says why the cache is missing.
            http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP");
            // Components are an administrator's to see (issue 9 item 7).
            bearer(http, admin).get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                    .expectBody().jsonPath("$.components.redis.status").isEqualTo("DOWN")
                    .jsonPath("$.components.db.status").isEqualTo("UP");
            for (int i = 0; i < 12; i++) {
                expect(http, reader, 200);
            }
            assertThat(sum(meters, "terp.ratelimit.unavailable")).as("limits failed open, counted")
                    .isGreaterThan(failedOpenBefore);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                expect(http, reader, 200);
                assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
            });
            long started = System.nanoTime();
            expect(http, reader, 200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("an open breaker answers without waiting")
                    .isLessThan(Duration.ofMillis(500));

            // Revocations during the outage: the changes succeed and the tokens are refused at once.
            logout(http, loggedOutDuring);
            bearer(http, admin).post().uri("/api/v1/users/" + disabledId + "/disable").exchange()
                    .expectStatus().isOk();
            expect(http, loggedOutDuring, 401);
            expect(http, ofDisabled, 401);
            expect(http, loggedOutBefore, 401);
            expect(http, reader, 200);
            assertThat(sum(meters, "terp.auth.revocation.unavailable")).isPositive();

            restarted = startRedis(redisDirectory, redisPort);

            // Back: every revocation is copied into the (empty) Redis again, none lost; tokens stay refused.
            try (RedisClient client = RedisClient.create("redis://" + EmbeddedServices.HOST + ":" + redisPort);
                    StatefulRedisConnection<String, String> connection = client.connect()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                        assertThat(connection.sync().exists(
                                "terp:auth:revoked-token:" + loggedOutBefore.tokenId(),
                                "terp:auth:revoked-token:" + loggedOutDuring.tokenId(),
                                "terp:auth:revoked-before:" + disabledId)).isEqualTo(3));
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED));
            double fallbacks = sum(meters, "terp.auth.revocation.unavailable");
            expect(http, loggedOutBefore, 401);
            expect(http, loggedOutDuring, 401);
            expect(http, ofDisabled, 401);
            expect(http, reader, 200);
            assertThat(sum(meters, "terp.auth.revocation.unavailable")).as("answered by Redis again")
                    .isEqualTo(fallbacks);
            http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        }
        finally {
            if (restarted != null) {
                restarted.stop();
            }
            redis.stop();
        }
    }

    private static RedisServer startRedis(Path directory, int port) throws IOException {
        RedisServer server = RedisServer.newRedisServer()
                .executableProvider(ExecutableProvider.newJarResourceProvider(directory.toFile()))
                .bind(EmbeddedServices.HOST)
                .port(port)
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        server.start();
        return server;
    }

    private static String adminToken(ConfigurableApplicationContext app, JwtTokens tokens) {
        String username = app.getEnvironment().getRequiredProperty("terp.admin.username");
        long id = app.getBean(org.springframework.r2dbc.core.DatabaseClient.class)
                .sql("SELECT id FROM users WHERE username = :username").bind("username", username)
                .map(row -> row.get("id", Long.class)).one().block(Duration.ofSeconds(10));
        return tokens.issue(new Actor(id, username, Set.of(Role.ADMIN))).value();
    }

    private static long createUser(WebTestClient http, String admin, String username) {
        Number id = (Number) bearer(http, admin).post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", "Outage-Password-1", "displayName", username,
                        "roles", List.of("VIEWER")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        return id.longValue();
    }

    private static void logout(WebTestClient http, AccessToken token) {
        bearer(http, token.value()).post().uri("/api/v1/auth/logout").exchange().expectStatus().isNoContent();
    }

    private static void expect(WebTestClient http, AccessToken token, int status) {
        bearer(http, token.value()).get().uri(LIST).exchange().expectStatus().isEqualTo(status);
    }

    private static WebTestClient bearer(WebTestClient http, String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static double sum(MeterRegistry meters, String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(EmbeddedServices.HOST))) {
            return socket.getLocalPort();
        }
    }
}
