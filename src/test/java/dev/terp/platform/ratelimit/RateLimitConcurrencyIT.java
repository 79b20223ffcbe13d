package dev.terp.platform.ratelimit;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.platform.redis.RedisConnections;
import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.platform.resilience.ResilienceProperties;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.ClientAddresses;
import dev.terp.platform.security.RequestFirewallIT;
import dev.terp.platform.security.Role;
import dev.terp.platform.security.SecurityProperties;
import dev.terp.support.IntegrationTest;
import dev.terp.support.SecondInstance;
import dev.terp.support.RedisReady;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The general limit under concurrency (a context of its own: 100 requests per day, so nothing refills during a test).
 * Many parallel requests of one user used to race on one compare-and-swap key until the Redis deadline ran out and
 * then pass unlimited; now each instance draws blocks of tokens from the user's bucket in Redis (at most 10 here) and
 * spends them locally: never more than the capacity across instances, and at most one block per other instance
 * stranded.
 */
@IntegrationTest
@TestPropertySource(properties = {"terp.rate-limit.api.capacity=" + RateLimitConcurrencyIT.CAPACITY,
        "terp.rate-limit.api.period=" + RateLimitConcurrencyIT.PERIOD,
        "terp.rate-limit.api.block=" + RateLimitConcurrencyIT.BLOCK,
        // Held blocks stay held for the whole test, so the bounds below are the worst case, not a lucky timing.
        "terp.rate-limit.block-hold=" + RateLimitConcurrencyIT.HOLD,
        "terp.security.trusted-proxies=127.0.0.1/32,::1/128",
        // The shared 2-core build box runs at load averages near 20 while several suites run: there a healthy Redis
        // round trip plus scheduling can exceed the 2 s production deadline. What is under test is that no draw
        // is lost to compare-and-swap contention, so the deadline here only has to exclude a stuck Redis.
        "terp.rate-limit.redis-timeout=15s"})
class RateLimitConcurrencyIT {

    static final int CAPACITY = 100;
    static final String PERIOD = "24h";
    static final int BLOCK = 10;
    static final String HOLD = "30s";
    private static final int REQUESTS = 200;
    private static final String LIST = "/api/v1/vendors?limit=1";
    private static final AtomicLong NEXT_USER_ID = new AtomicLong(810_000_000L);

    @Value("${local.server.port}")
    int port;

    @Autowired
    TestTokens tokens;

    @Autowired
    ResilienceProperties resilience;

    @Autowired
    SecurityProperties security;

    @Autowired
    RedisConnections redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    RateLimiter limiter;

    @Autowired
    DatabaseClient db;

    @Autowired
    RateLimitProperties limits;

    @Autowired
    ClientAddresses clientAddresses;

    @BeforeEach
    void redisIsConnected() {
        RedisReady.awaitConnections(redis);
    }

    @Test
    void twoHundredConcurrentRequestsOfOneUserLetExactlyTheCapacityThrough() {
        String token = newUserToken();
        double failOpensBefore = unavailable(meters);
        long drawsBefore = limiter.blocks().draws();

        List<Answer> answers = fire(List.of(client(port, token)), REQUESTS);

        assertExactlyCapacityPassed(answers);
        assertThat(unavailable(meters)).as("no check ended in fail-open").isEqualTo(failOpensBefore);
        assertThat(limiter.keysInFlight()).as("the shared proxies are gone once nothing is in flight").isZero();
        // Blocks of 1, 2, 4, 8, then 10 until the bucket is empty, plus the draw that found it empty.
        assertThat(limiter.blocks().draws() - drawsBefore).as("draws from Redis").isBetween(14L, 20L);
    }

    /**
     * Two instances share the user's bucket in Redis. Every admitted request spends a token already taken from Redis,
     * so together they never admit more than the capacity (slack 0). Once a draw finds the bucket empty, the only
     * tokens not admitted are what the other instance still holds of its block: at most one block, here 10 (with N
     * instances, (N - 1) blocks).
     */
    @Test
    void twoInstancesSharingTheBucketAdmitNoMoreThanTheCapacityTogether() {
        String token = newUserToken();
        try (ConfigurableApplicationContext second = SecondInstance.start("--terp.rate-limit.api.capacity=" + CAPACITY,
                        "--terp.rate-limit.api.period=" + PERIOD,
                        "--terp.rate-limit.api.block=" + BLOCK,
                        "--terp.rate-limit.block-hold=" + HOLD,
                        "--terp.rate-limit.redis-timeout=15s",
                        "--terp.security.jwt-secret=" + security.jwtSecret())) {
            int secondPort = SecondInstance.port(second);
            MeterRegistry secondMeters = second.getBean(MeterRegistry.class);
            RedisReady.awaitConnections(second.getBean(RedisConnections.class));
            double failOpensBefore = unavailable(meters) + unavailable(secondMeters);

            List<Answer> answers = fire(List.of(client(port, token), client(secondPort, token)), REQUESTS);

            assertAtMostCapacityPassed(answers, CAPACITY - BLOCK);
            assertThat(answers.stream().filter(a -> a.instance() == 1 && a.status() == 200).count())
                    .as("the second instance admitted some too (both really drew from the bucket)").isPositive();
            assertThat(unavailable(meters) + unavailable(secondMeters)).isEqualTo(failOpensBefore);
        }
    }

    /**
     * The bound under heavier load, without HTTP in between: two limiters (two instances) share one bucket of 1 000
     * in the real Redis, blocks up to 100, and 3 000 decisions race on it at once. Together they admit at most the
     * 1 000 and at least 1 000 minus the other instance's block, without one fail-open, with a few dozen draws.
     */
    @Test
    void twoLimitersRacingOnOneBucketStayWithinTheStatedBound() {
        RateLimitProperties shared = withApi(new RateLimitProperties.Limit(1000, Duration.ofHours(24), 100),
                Duration.ofSeconds(30));
        SimpleMeterRegistry localMeters = new SimpleMeterRegistry();
        List<RateLimiter> instances = List.of(new RateLimiter(shared, redis, localMeters, clientAddresses,
                        breakers(localMeters)),
                new RateLimiter(shared, redis, localMeters, clientAddresses,
                        breakers(localMeters)));
        Actor actor = newActor();

        List<RateLimitDecision> decisions = Flux.range(0, 3000)
                .flatMap(i -> instances.get(i % 2).consumeApi(exchange(), actor), 3000)
                .collectList()
                .block(Duration.ofSeconds(60));

        long admitted = decisions.stream().filter(RateLimitDecision::allowed).count();
        assertThat(decisions).hasSize(3000).allSatisfy(d -> assertThat(d.measured()).isTrue());
        assertThat(admitted).isBetween(1000L - 100, 1000L);
        assertThat(unavailable(localMeters)).isZero();
        assertThat(instances.get(0).blocks().draws() + instances.get(1).blocks().draws()).isLessThan(100);
    }

    /** Past the hold an instance gives the unspent tokens of its block back to the bucket in Redis. */
    @Test
    void unspentTokensGoBackToTheBucketInRedisWhenTheHoldRunsOut() {
        RateLimitProperties.Limit api = new RateLimitProperties.Limit(1000, Duration.ofHours(24), 100);
        SimpleMeterRegistry blockedMeters = new SimpleMeterRegistry();
        RateLimiter blocked = new RateLimiter(withApi(api, Duration.ofMillis(300)), redis, blockedMeters,
                clientAddresses, breakers(blockedMeters));
        SimpleMeterRegistry oneByOneMeters = new SimpleMeterRegistry();
        RateLimiter oneByOne = new RateLimiter(withApi(new RateLimitProperties.Limit(1000, Duration.ofHours(24)),
                Duration.ofMillis(300)), redis, oneByOneMeters, clientAddresses, breakers(oneByOneMeters));
        Actor actor = newActor();

        blocked.consumeApi(exchange(), actor).block(Duration.ofSeconds(15)); // draws 1
        RateLimitDecision second = blocked.consumeApi(exchange(), actor).block(Duration.ofSeconds(15)); // draws 2
        assertThat(second.remaining()).as("997 in Redis plus the unspent one").isEqualTo(998);

        await().atMost(Duration.ofSeconds(15)).until(() -> blocked.blocks().givenBack() == 1);
        assertThat(blocked.blocks().keys()).isZero();
        // Same capacity and period, so the same bucket: it holds 998 again (one of the three drawn came back).
        assertThat(oneByOne.consumeApi(exchange(), actor).block(Duration.ofSeconds(15)).remaining()).isEqualTo(997);
    }

    private RateLimitProperties withApi(RateLimitProperties.Limit api, Duration hold) {
        return new RateLimitProperties(api, limits.login(), limits.strict(), true, Duration.ofSeconds(15), hold);
    }

    private static MockServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get(LIST)
                .remoteAddress(new InetSocketAddress("198.51.100.9", 40_000)));
    }

    private static Actor newActor() {
        long id = NEXT_USER_ID.incrementAndGet();
        return new Actor(id, "racing-user-" + id, Set.of(Role.VIEWER));
    }

    /** Here the test client's loopback address is a trusted proxy, so X-Forwarded-For names the client. */
    @Test
    void behindATrustedProxyTheForwardedClientIsLimitedAndAudited() {
        WebClient anonymous = WebClient.create("http://localhost:" + port);
        String first = "203.0.113." + (1 + NEXT_USER_ID.incrementAndGet() % 250);
        String second = "198.51.100." + (1 + NEXT_USER_ID.incrementAndGet() % 250);

        assertThat(remainingFor(anonymous, first)).isEqualTo(CAPACITY - 1);
        assertThat(remainingFor(anonymous, first)).isEqualTo(CAPACITY - 2);
        assertThat(remainingFor(anonymous, second)).as("another client behind the same proxy").isEqualTo(CAPACITY - 1);

        String username = "xff-trusted-" + NEXT_USER_ID.incrementAndGet();
        anonymous.post().uri("/api/v1/auth/login").header("X-Forwarded-For", "1.2.3.4, " + first)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"wrong-password-1A!\"}")
                .exchangeToMono(response -> response.releaseBody())
                .block(Duration.ofSeconds(30));
        assertThat(RequestFirewallIT.auditedAddress(db, username)).isEqualTo(first);
    }

    private static long remainingFor(WebClient client, String forwardedFor) {
        return client.get().uri(LIST).header("X-Forwarded-For", forwardedFor)
                .exchangeToMono(response -> response.releaseBody().thenReturn(
                        Long.parseLong(response.headers().asHttpHeaders().getFirst("RateLimit-Remaining"))))
                .block(Duration.ofSeconds(30));
    }

    /** One instance: nothing is stranded elsewhere, so exactly the capacity passes. */
    private static void assertExactlyCapacityPassed(List<Answer> answers) {
        assertAtMostCapacityPassed(answers, CAPACITY);
        // Each admitted request spent its own token: the remaining counts are exactly 99 .. 0, each once.
        List<Long> remaining = answers.stream().filter(a -> a.status() == 200)
                .map(a -> Long.parseLong(a.remaining())).sorted().toList();
        assertThat(remaining).containsExactlyElementsOf(LongStream.range(0, CAPACITY).boxed().toList());
    }

    private static void assertAtMostCapacityPassed(List<Answer> answers, int atLeast) {
        assertThat(answers).hasSize(REQUESTS);
        List<Answer> passed = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> refused = answers.stream().filter(a -> a.status() != 200).toList();

        assertThat(passed).hasSizeBetween(atLeast, CAPACITY);
        assertThat(passed).allSatisfy(a -> {
            assertThat(a.limit()).isEqualTo(Integer.toString(CAPACITY));
            assertThat(Long.parseLong(a.remaining())).isBetween(0L, CAPACITY - 1L);
        });
        assertThat(refused).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(a.limit()).isEqualTo(Integer.toString(CAPACITY));
            assertThat(a.remaining()).isEqualTo("0");
            assertThat(a.reset()).isNotNull();
            assertThat(Long.parseLong(a.retryAfter())).isPositive();
        });
    }

    /** All requests at once, spread round-robin over the instances' clients. */
    private static List<Answer> fire(List<WebClient> instances, int requests) {
        return Flux.range(0, requests)
                .flatMap(i -> instances.get(i % instances.size()).get().uri(LIST)
                        .exchangeToMono(response -> response.releaseBody().thenReturn(new Answer(
                                i % instances.size(),
                                response.statusCode().value(),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
                                response.headers().asHttpHeaders().getFirst("RateLimit-Limit"),
                                response.headers().asHttpHeaders().getFirst("RateLimit-Remaining"),
                                response.headers().asHttpHeaders().getFirst("RateLimit-Reset"),
                                response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER)))), requests)
                .collectList()
                .block(Duration.ofSeconds(60));
    }

    private static WebClient client(int port, String token) {
        ConnectionProvider connections = ConnectionProvider.builder("rate-limit-concurrency")
                .maxConnections(REQUESTS).pendingAcquireMaxCount(-1).build();
        return WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(connections)))
                .baseUrl("http://localhost:" + port)
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .build();
    }

    private String newUserToken() {
        long id = NEXT_USER_ID.incrementAndGet();
        return tokens.forUser(id, "concurrent-user-" + id, Set.of(Role.VIEWER));
    }

    private static double unavailable(MeterRegistry meters) {
        Counter counter = meters.find("terp.ratelimit.unavailable").tags("limit", "api").counter();
        return counter == null ? 0 : counter.count();
    }

    private record Answer(int instance, int status, String contentType, String limit, String remaining, String reset,
            String retryAfter) {
    }

    /** Breakers of their own per limiter under test: an open breaker must not leak into the next test. */
    private CircuitBreakers breakers(MeterRegistry meters) {
        return new CircuitBreakers(resilience, meters);
    }
}
