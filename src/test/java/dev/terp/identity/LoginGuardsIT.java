package dev.terp.identity;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.platform.redis.RedisConnections;
import dev.terp.support.IntegrationTest;
import dev.terp.support.RedisReady;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The login guards against real parallel requests: the failed-login limit is taken before the password check, and
 * lockouts are per account + client address. The loopback test client is a trusted proxy here, so X-Forwarded-For
 * plays clients at different addresses (the same properties as RateLimitConcurrencyIT, so the context is shared).
 */
@IntegrationTest
@TestPropertySource(properties = {"terp.rate-limit.api.capacity=100", "terp.rate-limit.api.period=24h",
        "terp.security.trusted-proxies=127.0.0.1/32,::1/128",
        "terp.rate-limit.redis-timeout=15s"})
class LoginGuardsIT {

    private static final String PASSWORD = "Sturdy-Passw0rd-2026";
    private static final int BURST = 50;
    private static final int LOGIN_CAPACITY = 5;
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger();

    @Value("${local.server.port}")
    int port;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RedisConnections redis;

    @BeforeEach
    void redisIsConnected() {
        RedisReady.awaitConnections(redis);
    }

    @Test
    void aParallelBurstOfWrongPasswordsReachesThePasswordCheckAtMostTheLimitTimes() {
        String username = createUser();
        String address = nextAddress();
        double checksBefore = passwordChecks();
        double failOpensBefore = meters.counter("terp.ratelimit.unavailable", "limit", "login").count();

        List<Integer> statuses = Flux.range(0, BURST)
                .flatMap(i -> login(burstClient(), address, username, "Wrong-Passw0rd-" + i), BURST)
                .collectList().block(Duration.ofSeconds(120));

        assertThat(meters.counter("terp.ratelimit.unavailable", "limit", "login").count())
                .as("every draw decided by Redis").isEqualTo(failOpensBefore);
        assertThat(statuses).hasSize(BURST).containsOnly(401, 429);
        assertThat(statuses.stream().filter(status -> status == 401)).hasSize(LOGIN_CAPACITY);
        // Counted by PasswordHasher around each BCrypt check; nothing else logs in while this test runs.
        assertThat(passwordChecks() - checksBefore).as("BCrypt checks").isEqualTo(LOGIN_CAPACITY);
        assertThat(failedLoginsAudited(username)).isEqualTo(LOGIN_CAPACITY);

        assertThat(login(client(), address, username, PASSWORD).block())
                .as("the right password from the same address waits for the limit too").isEqualTo(429);
        assertThat(login(client(), nextAddress(), username, PASSWORD).block())
                .as("another address is not affected").isEqualTo(200);
    }

    @Test
    void aLockoutHoldsOnlyForTheAddressItCameFromUntilAnAdministratorLiftsIt() {
        String username = createUser();
        long id = idOf(username);
        String guesser = nextAddress();
        String owner = nextAddress();
        assertThat(login(client(), guesser, username, "Wrong-Passw0rd-1").block()).isEqualTo(401);
        // Nine consecutive failures from the guesser's address so far (its rate limit refills in between).
        db.sql("UPDATE login_lockouts SET failed_attempts = 9 WHERE user_id = :id").bind("id", id)
                .fetch().rowsUpdated().block();
        assertThat(login(client(), guesser, username, "Wrong-Passw0rd-10").block()).isEqualTo(401);

        assertThat(login(client(), guesser, username, PASSWORD).block()).as("locked for the guesser").isEqualTo(401);
        assertThat(login(client(), owner, username, PASSWORD).block()).as("not for the owner").isEqualTo(200);

        http.post().uri("/api/v1/users/{id}/unlock", id).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.userId").value(userId -> assertThat(((Number) userId).longValue()).isEqualTo(id))
                .jsonPath("$.unlockedAddresses").isEqualTo(1)
                .jsonPath("$.clientAddresses").isEqualTo(List.of(guesser));
        assertThat(login(client(), guesser, username, PASSWORD).block()).as("unlocked").isEqualTo(200);
        assertThat(actionsFor(id)).containsSubsequence("LOCKED_OUT", "LOGIN_SUCCEEDED", "UNLOCKED",
                "LOGIN_SUCCEEDED");
        http.post().uri("/api/v1/users/{id}/unlock", 999_999_999).exchange().expectStatus().isNotFound();
    }

    private Mono<Integer> login(WebClient client, String address, String username,
            String password) {
        return client.post().uri("/api/v1/auth/login").header("X-Forwarded-For", address)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }

    private WebClient client() {
        return WebClient.create("http://localhost:" + port);
    }

    private WebClient burstClient() {
        ConnectionProvider connections = ConnectionProvider.builder("login-burst")
                .maxConnections(BURST).pendingAcquireMaxCount(-1).build();
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .baseUrl("http://localhost:" + port).build();
    }

    private static String nextAddress() {
        int n = NEXT_ADDRESS.incrementAndGet();
        return "198.18." + (n / 250) + "." + (1 + n % 250);
    }

    private double passwordChecks() {
        return meters.counter("terp.auth.password.checks").count();
    }

    private String createUser() {
        String username = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", PASSWORD, "displayName", "Guarded",
                        "roles", List.of("VIEWER")))
                .exchange().expectStatus().isCreated();
        return username;
    }

    private long idOf(String username) {
        return db.sql("SELECT id FROM users WHERE username = :u").bind("u", username)
                .map(row -> row.get("id", Long.class)).one().block();
    }

    private long failedLoginsAudited(String username) {
        return db.sql("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'User' AND action = 'LOGIN_FAILED' "
                        + "AND entity_id = :id")
                .bind("id", idOf(username))
                .map(row -> row.get("n", Long.class)).one().block();
    }

    private List<String> actionsFor(long id) {
        return db.sql("SELECT action FROM audit_logs WHERE entity = 'User' AND entity_id = :id ORDER BY id")
                .bind("id", id)
                .map(row -> row.get("action", String.class)).all().collectList().block();
    }
}
