package dev.terp.platform.ratelimit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.redis.RedisConnections;
import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.platform.resilience.ResilienceProperties;
import dev.terp.platform.security.ClientAddresses;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.Role;
import dev.terp.platform.security.SecurityProperties;
import dev.terp.support.IntegrationTest;
import dev.terp.support.SecondInstance;
import dev.terp.support.RedisReady;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.types.RedisClientInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The rate limits of api-conventions §5, in a context of its own with a general limit of 5 requests per 15 minutes
 * (nothing refills during the test). Every test uses made-up users of its own, so no two tests share a bucket.
 */
@IntegrationTest
@TestPropertySource(properties = {"terp.rate-limit.api.capacity=" + RateLimitIT.CAPACITY,
        "terp.rate-limit.api.period=" + RateLimitIT.PERIOD})
class RateLimitIT {

    static final int CAPACITY = 5;
    static final String PERIOD = "15m";
    private static final String LIST = "/api/v1/vendors?limit=1";
    private static final AtomicLong NEXT_USER_ID = new AtomicLong(800_000_000L);

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Autowired
    SecurityProperties security;

    @Autowired
    ResilienceProperties resilience;

    @Autowired
    RedisConnections redis;

    @Autowired
    RateLimitProperties limits;

    @Autowired
    LettuceConnectionFactory redisServer;

    @Autowired
    ClientAddresses clientAddresses;

    @BeforeEach
    void redisIsConnected() {
        RedisReady.awaitConnections(redis);
    }

    @Test
    void theSixthRequestOfAUserWithinThePeriodIsRefused() {
        WebTestClient user = bearer(newUserToken());

        for (int used = 1; used <= CAPACITY; used++) {
            user.get().uri(LIST).exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(CAPACITY))
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(CAPACITY - used))
                    .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset))
                            .isBetween(1L, Duration.ofMinutes(15).toSeconds()))
                    .expectHeader().doesNotExist(HttpHeaders.RETRY_AFTER);
        }

        user.get().uri(LIST).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                // 5 per 15 minutes refills one request every 3 minutes.
                .expectHeader().value(HttpHeaders.RETRY_AFTER, seconds -> assertThat(Long.parseLong(seconds))
                        .isBetween(1L, Duration.ofMinutes(3).toSeconds()))
                .expectHeader().valueEquals("RateLimit-Limit", Integer.toString(CAPACITY))
                .expectHeader().valueEquals("RateLimit-Remaining", "0")
                .expectHeader().value("RateLimit-Reset", reset -> assertThat(Long.parseLong(reset))
                        .isBetween(1L, Duration.ofMinutes(15).toSeconds()))
                .expectBody()
                .jsonPath("$.code").isEqualTo("RATE_LIMITED")
                .jsonPath("$.status").isEqualTo(429)
                .jsonPath("$.type").isEqualTo(ErrorCode.RATE_LIMITED.typeUri());

        // Buckets are per user: someone else from the same address is unaffected.
        bearer(newUserToken()).get().uri(LIST).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(CAPACITY - 1));
    }

    /**
     * Before a token is known the limit applies per client address. The limit is checked before authorization, so
     * the refused 401s of anonymous requests count against the address too, and once it is used up the answer is
     * 429 instead of 401. (This is the only test of the class that sends requests without a token.)
     */
    @Test
    void anonymousRequestsAreLimitedPerAddressAndTheir401sCount() {
        WebTestClient anonymous = http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
                .build();

        for (int used = 1; used <= CAPACITY; used++) {
            anonymous.get().uri(LIST).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(CAPACITY - used))
                    .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        }
        anonymous.get().uri(LIST).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");

        // A user from that same address draws from their own bucket, not the address's.
        bearer(newUserToken()).get().uri(LIST).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(CAPACITY - 1));
    }

    @Test
    void twoInstancesSharingRedisDrawFromTheSameBuckets() {
        String token = newUserToken();
        try (ConfigurableApplicationContext second = SecondInstance.start("--terp.rate-limit.api.capacity=" + CAPACITY,
                        "--terp.rate-limit.api.period=" + PERIOD,
                        "--terp.security.jwt-secret=" + security.jwtSecret())) {
            WebTestClient instanceA = bearer(token);
            WebTestClient instanceB = WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + SecondInstance.port(second))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .build();

            expectAllowed(instanceA, 4);
            expectAllowed(instanceA, 3);
            expectAllowed(instanceA, 2);
            expectAllowed(instanceB, 1);
            expectAllowed(instanceB, 0);

            instanceB.get().uri(LIST).exchange()
                    .expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
            instanceA.get().uri(LIST).exchange()
                    .expectStatus().isEqualTo(429)
                    .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        }
    }

    @Test
    void theStrictLimitAllowsTenCallsAMinuteThenRefuses() {
        assertThat(limits.strict().capacity()).as("the strict default of api-conventions §5").isEqualTo(10);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        RateLimiter limiter = new RateLimiter(limits, redis, meters, clientAddresses, breakers(meters));
        Actor actor = newActor();

        for (int call = 1; call <= 10; call++) {
            limiter.requireStrict(exchange(), actor).block(Duration.ofSeconds(5));
        }
        MockServerWebExchange refused = exchange();
        assertThatThrownBy(() -> limiter.requireStrict(refused, actor).block(Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(ApiException.class, failure ->
                        assertThat(failure.code()).isEqualTo(ErrorCode.RATE_LIMITED));

        HttpHeaders headers = refused.getResponse().getHeaders();
        assertThat(headers.getFirst("RateLimit-Limit")).isEqualTo("10");
        assertThat(headers.getFirst("RateLimit-Remaining")).isEqualTo("0");
        // 10 per minute refills one call every 6 seconds.
        assertThat(Long.parseLong(headers.getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 6L);
        // Decided by Redis, not waved through because Redis was unavailable.
        assertThat(count(meters, "terp.ratelimit.unavailable")).isZero();
        // Per user: another user still has all ten.
        limiter.requireStrict(exchange(), newActor()).block(Duration.ofSeconds(5));
    }

    /**
     * Buckets live in Redis longer than any one configuration: raising {@code TERP_RATELIMIT_API_CAPACITY} (or
     * running a differently configured context in the same test JVM) must not leave users on the old limit.
     */
    @Test
    void aChangedLimitAppliesToUsersWhoAlreadyHaveABucket() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Actor actor = newActor();
        RateLimiter generous = new RateLimiter(limitsWithApi(1000), redis, meters, clientAddresses, breakers(meters));
        RateLimiter tight = new RateLimiter(limitsWithApi(CAPACITY), redis, meters, clientAddresses, breakers(meters));

        RateLimitDecision first = generous.consumeApi(exchange(), actor).block(Duration.ofSeconds(5));
        RateLimitDecision second = tight.consumeApi(exchange(), actor).block(Duration.ofSeconds(5));

        assertThat(first.measured()).isTrue();
        assertThat(first.remaining()).isEqualTo(999);
        assertThat(second.measured()).isTrue();
        assertThat(second.limit()).isEqualTo(CAPACITY);
        assertThat(second.remaining()).isEqualTo(CAPACITY - 1);
    }

    @Test
    void withRedisDownRequestsAreLetThroughAndCounted() throws IOException {
        LettuceConnectionFactory deadRedis = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()));
        deadRedis.afterPropertiesSet();
        deadRedis.start();
        RedisConnections connections = new RedisConnections(deadRedis);
        try {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            RateLimiter limiter = new RateLimiter(limitsWithApi(CAPACITY), connections, meters, clientAddresses, breakers(meters));
            Actor actor = newActor();
            MockServerWebExchange exchange = exchange();

            RateLimitDecision decision = limiter.consumeApi(exchange, actor).block(Duration.ofSeconds(5));

            assertThat(decision.allowed()).isTrue();
            assertThat(decision.measured()).isFalse();
            assertThat(count(meters, "terp.ratelimit.unavailable", "limit", "api")).isEqualTo(1);
            RateLimiter.writeHeaders(exchange, decision);
            assertThat(exchange.getResponse().getHeaders().containsHeader("RateLimit-Limit")).isFalse();

            // A failed connection is not remembered as a result: every request asks again, and the strict limit
            // fails open as well.
            assertThat(limiter.consumeApi(exchange(), actor).block(Duration.ofSeconds(5)).allowed()).isTrue();
            assertThat(count(meters, "terp.ratelimit.unavailable", "limit", "api")).isEqualTo(2);
            limiter.requireStrict(exchange(), actor).block(Duration.ofSeconds(5));
            assertThat(count(meters, "terp.ratelimit.unavailable", "limit", "strict")).isEqualTo(1);

            // While Redis stays down the breaker opens: later checks fail open at once, counted alike.
            for (int i = 0; i < 20; i++) {
                limiter.consumeApi(exchange(), actor).block(Duration.ofSeconds(5));
            }
            long started = System.nanoTime();
            assertThat(limiter.consumeApi(exchange(), actor).block(Duration.ofSeconds(5)).allowed()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
            assertThat(count(meters, "terp.ratelimit.unavailable", "limit", "api")).isEqualTo(23);
        }
        finally {
            connections.destroy();
            deadRedis.destroy();
        }
    }

    /**
     * Opening a connection (and the Lettuce client's event loops) takes longer than the 500 ms Redis deadline, so a
     * connection opened by the first request made that request, and the ones queued behind it, skip the rate limit
     * and the revocation check. The connections must open at start-up, without anyone asking for them.
     */
    @Test
    void theConnectionsOpenAtStartUpNotOnTheFirstRequest() {
        String name = "terp-warm-up-" + NEXT_USER_ID.incrementAndGet();
        RedisStandaloneConfiguration server = redisServer.getStandaloneConfiguration();
        LettuceConnectionFactory factory = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration(server.getHostName(), server.getPort()),
                LettuceClientConfiguration.builder().clientName(name).build());
        factory.afterPropertiesSet();
        factory.start();
        RedisConnections connections = new RedisConnections(factory);
        try {
            assertThat(clientsNamed(name)).as("nothing connects before start-up ends").isZero();

            connections.afterSingletonsInstantiated();

            await().atMost(Duration.ofSeconds(20)).until(() -> clientsNamed(name) == 2);
        }
        finally {
            connections.destroy();
            factory.destroy();
        }
    }

    private long clientsNamed(String name) {
        try (var connection = redisServer.getConnection()) {
            return connection.serverCommands().getClientList().stream()
                    .map(RedisClientInfo::getName)
                    .filter(name::equals)
                    .count();
        }
    }

    private void expectAllowed(WebTestClient instance, int remaining) {
        instance.get().uri(LIST).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("RateLimit-Remaining", Integer.toString(remaining));
    }

    private WebTestClient bearer(String token) {
        return http.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }

    private String newUserToken() {
        long id = NEXT_USER_ID.incrementAndGet();
        return tokens.forUser(id, "rate-limit-user-" + id, Set.of(Role.VIEWER));
    }

    /** Breakers of their own per limiter under test: an open breaker must not leak into the next test. */
    private CircuitBreakers breakers(MeterRegistry meters) {
        return new CircuitBreakers(resilience, meters);
    }

    private static Actor newActor() {
        long id = NEXT_USER_ID.incrementAndGet();
        return new Actor(id, "rate-limit-user-" + id, Set.of(Role.VIEWER));
    }

    private RateLimitProperties limitsWithApi(long capacity) {
        return new RateLimitProperties(new RateLimitProperties.Limit(capacity, Duration.ofMinutes(15)),
                limits.login(), limits.strict(), true, limits.redisTimeout());
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/reports/expensive")
                .remoteAddress(new InetSocketAddress("198.51.100.7", 40_000)));
    }

    private static double count(MeterRegistry meters, String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** A port nothing listens on: taken from the OS, then released. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
