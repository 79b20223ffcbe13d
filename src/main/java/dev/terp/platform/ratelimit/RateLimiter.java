package dev.terp.platform.ratelimit;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.api.StatefulRedisConnection;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.observability.ThrottledWarning;
import dev.terp.platform.redis.RedisConnections;
import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.ClientAddresses;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Bucket4j token buckets kept in Redis, so every instance behind the load balancer draws from the same buckets.
 * Keys expire once a bucket would be full again, so idle users leave nothing behind.
 *
 * <p>Bucket4j's Lettuce proxy is compare-and-swap: concurrent draws from one key (one user's parallel requests) race,
 * and the losers retry until the deadline ran out, so under concurrency the limit was not applied at all. Concurrent
 * draws of one key on this instance therefore share one proxy with Bucket4j's batching optimization: while one
 * compare-and-swap is in flight, the draws arriving meanwhile queue and go to Redis together as the next one. Each
 * draw is still decided by Redis, so the limit stays exact across instances; only instances race each other (one
 * compare-and-swap per instance at a time, retried by Bucket4j). A proxy lives only while draws of its key are in
 * flight, so the map is bounded by concurrency, not by the number of users or addresses.
 *
 * <p>Even batched, a hot key paid one Redis round trip per request. A limit with a block above 1 (the general API
 * limit; {@link RateLimitProperties.Limit#effectiveBlock()}) therefore draws tokens ahead in blocks and spends them
 * locally ({@link TokenBlocks}): still never more than the shared bucket allows across instances, at the price of
 * tokens held by one instance for up to {@code terp.rate-limit.block-hold} being unavailable to the others. The
 * strict and login limits stay one Redis decision per request.
 *
 * <p>When Redis does not answer within {@code terp.rate-limit.redis-timeout} (2 s) the request is let through (fail
 * open), logged and counted as {@code terp.ratelimit.unavailable}: losing rate limiting for a while is better than
 * losing the API. Login attempts are still slowed by password hashing. The deadline is generous because a healthy
 * Redis on a busy machine must not end in fail-open; so that an outage does not make every request wait for it,
 * every draw goes through the {@code redis} circuit breaker ({@link CircuitBreakers}): once it is open, checks fail
 * open at once (and are counted alike) until trial calls find Redis back.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final RateLimitProperties properties;
    private final Mono<LettuceBasedProxyManager<String>> buckets;
    private final Map<RateLimitProperties.Limit, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, SharedProxy> inFlight = new ConcurrentHashMap<>();
    private final TokenBlocks blocks;
    private volatile ManagerOfConnection manager;
    private final CircuitBreakers breakers;
    private final MeterRegistry meters;
    private final ClientAddresses clientAddresses;
    private final ThrottledWarning unavailableWarning = new ThrottledWarning(log, Duration.ofSeconds(10));

    public RateLimiter(RateLimitProperties properties, RedisConnections redis, MeterRegistry meters,
            ClientAddresses clientAddresses, CircuitBreakers breakers) {
        this.properties = properties;
        this.breakers = breakers;
        this.blocks = new TokenBlocks(properties.blockHold());
        this.clientAddresses = clientAddresses;
        this.meters = meters;
        // Registered up front so dashboards and alerts see every series at 0 before the first decision.
        for (String limit : new String[] {"api", "strict", "login"}) {
            for (String outcome : new String[] {"allowed", "limited", "failed_open"}) {
                decisionCounter(limit, outcome);
            }
        }
        // Deferred: RedisConnections answers the current connection, which changes if the factory restarts. No
        // connection yet is a failure (fail open, counted), never an empty answer: a filter that sees no decision
        // would end the request as an empty 200 without running it.
        this.buckets = Mono.defer(redis::binary).map(this::managerFor)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("no Redis connection yet")));
    }

    /** The general API limit, per user (per IP address before login). */
    public Mono<RateLimitDecision> consumeApi(ServerWebExchange exchange, Actor actor) {
        String key = actor != null ? "api:user:" + actor.userId() : "api:ip:" + clientAddresses.of(exchange);
        return consume(key, properties.api(), "api");
    }

    /** The strict limit of expensive operations (exports, seeds, recalculations), per user. */
    public Mono<Void> requireStrict(ServerWebExchange exchange, Actor actor) {
        return consume("strict:user:" + actor.userId(), properties.strict(), "strict")
                .flatMap(decision -> decision.allowed() ? Mono.empty() : Mono.error(tooMany(exchange, decision,
                        "This operation is limited to " + decision.limit() + " calls per "
                                + describe(properties.strict().period()))));
    }

    /**
     * Takes one attempt from this client address + username's failed-login budget before the password is checked,
     * or refuses with 429 when none is left. Taking it atomically (one Redis draw) is what bounds a parallel burst:
     * checking first and counting after the failure would let every request of the burst pass the check before the
     * first failure is counted. A successful login gives its attempt back ({@link #refundLoginAttempt}).
     */
    public Mono<Void> takeLoginAttempt(ServerWebExchange exchange, String username) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        RateLimitProperties.Limit limit = properties.login();
        return withBucket(loginKey(exchange, username), limit, bucket -> bucket.tryConsumeAndReturnRemaining(1))
                .doOnNext(probe -> decisionCounter("login", probe.isConsumed() ? "allowed" : "limited").increment())
                .flatMap(probe -> probe.isConsumed()
                        ? Mono.<Void>empty()
                        : Mono.error(tooMany(exchange, decision(probe, limit), "Too many failed logins; try again later")))
                .onErrorResume(failure -> !(failure instanceof ApiException), failure -> unavailable("login", failure));
    }

    /** Gives back the attempt a successful login took: only failures use up the budget. */
    public Mono<Void> refundLoginAttempt(ServerWebExchange exchange, String username) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        return withBucket(loginKey(exchange, username), properties.login(), bucket -> bucket.addTokens(1))
                .then()
                .onErrorResume(failure -> unavailable("login", failure));
    }

    /** Forgets this client address + username's failed logins: an administrator's unlock. */
    public Mono<Void> resetLoginAttempts(String clientAddress, String username) {
        if (!properties.enabled()) {
            return Mono.empty();
        }
        return withBucket(loginKey(clientAddress, username), properties.login(),
                bucket -> bucket.addTokens(properties.login().capacity()))
                .then()
                .onErrorResume(failure -> unavailable("login", failure));
    }

    /** Writes the RateLimit-* headers (and Retry-After when refused) onto the response. */
    public static void writeHeaders(ServerWebExchange exchange, RateLimitDecision decision) {
        if (!decision.measured()) {
            return;
        }
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("RateLimit-Limit", Long.toString(decision.limit()));
        headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        if (!decision.allowed()) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, decision.retryAfterSeconds())));
        }
    }

    public static ApiException tooMany(ServerWebExchange exchange, RateLimitDecision decision, String detail) {
        writeHeaders(exchange, decision);
        return new ApiException(ErrorCode.RATE_LIMITED, detail);
    }

    private Mono<RateLimitDecision> consume(String key, RateLimitProperties.Limit limit, String name) {
        if (!properties.enabled()) {
            return Mono.just(RateLimitDecision.unmeasured(limit.capacity()));
        }
        long block = limit.effectiveBlock();
        Mono<RateLimitDecision> decided = block == 1
                ? withBucket(key, limit, bucket -> bucket.tryConsumeAndReturnRemaining(1))
                        .map(probe -> decision(probe, limit))
                : blocks.take(redisKey(key, limit), limit.capacity(), block, sharedBucket(key, limit));
        return decided
                .doOnNext(decision -> decisionCounter(name, decision.allowed() ? "allowed" : "limited").increment())
                .onErrorResume(failure -> unavailable(name, failure).thenReturn(RateLimitDecision.unmeasured(
                        limit.capacity())));
    }

    /** The key's bucket in Redis as the local blocks see it: every draw and give-back goes through withBucket. */
    private TokenBlocks.SharedBucket sharedBucket(String key, RateLimitProperties.Limit limit) {
        return new TokenBlocks.SharedBucket() {
            @Override
            public Mono<TokenBlocks.Draw> draw(long tokens) {
                return withBucket(key, limit, bucket -> bucket.asVerbose().tryConsumeAsMuchAsPossible(tokens))
                        .map(RateLimiter::drawOf);
            }

            @Override
            public Mono<Void> giveBack(long tokens) {
                return withBucket(key, limit, bucket -> bucket.addTokens(tokens))
                        .doOnError(failure -> log.debug("{} unspent tokens of {} not given back (they return by "
                                + "refill): {}", tokens, key, failure.toString()));
            }
        };
    }

    private static TokenBlocks.Draw drawOf(VerboseResult<Long> result) {
        long taken = result.getValue();
        long nanosToNextToken = taken > 0 ? 0 : result.getState()
                .calculateDelayNanosAfterWillBePossibleToConsume(1, result.getOperationTimeNanos(), false);
        return new TokenBlocks.Draw(taken, result.getDiagnostics().getAvailableTokens(),
                result.getDiagnostics().calculateFullRefillingTime(), nanosToNextToken);
    }

    private <T> Mono<T> withBucket(String key, RateLimitProperties.Limit limit,
            java.util.function.Function<AsyncBucketProxy, CompletableFuture<T>> operation) {
        String redisKey = redisKey(key, limit);
        return buckets
                .flatMap(manager -> Mono.usingWhen(
                        Mono.fromSupplier(() -> acquire(manager, redisKey, limit)),
                        proxy -> Mono.fromFuture(() -> operation.apply(proxy)),
                        proxy -> release(redisKey), (proxy, failure) -> release(redisKey),
                        proxy -> release(redisKey)))
                // Bucket4j completes a whole batch's futures on one Lettuce I/O thread; without this hop the rest of
                // every batched request would run there, one after another, and the next batch would wait for them.
                .publishOn(Schedulers.parallel())
                .transform(breakers.redis(properties.redisTimeout()));
    }

    /** The proxy that batches this key's concurrent draws, created for the first draw in flight. */
    private AsyncBucketProxy acquire(LettuceBasedProxyManager<String> manager, String redisKey,
            RateLimitProperties.Limit limit) {
        return inFlight.compute(redisKey, (k, shared) -> {
            SharedProxy current = shared != null ? shared : new SharedProxy(newProxy(manager, redisKey, limit));
            current.draws++;
            return current;
        }).proxy;
    }

    private Mono<Void> release(String redisKey) {
        inFlight.computeIfPresent(redisKey, (k, shared) -> --shared.draws == 0 ? null : shared);
        return Mono.empty();
    }

    /** How many keys have draws in flight right now; visible for the test that proves the map drains. */
    int keysInFlight() {
        return inFlight.size();
    }

    /** The local token blocks; visible for tests. */
    TokenBlocks blocks() {
        return blocks;
    }

    private AsyncBucketProxy newProxy(LettuceBasedProxyManager<String> manager, String redisKey,
            RateLimitProperties.Limit limit) {
        Supplier<CompletableFuture<BucketConfiguration>> configuration =
                () -> CompletableFuture.completedFuture(configurationOf(limit));
        return manager.asAsync().builder()
                .withOptimization(Optimizations.batching())
                .build(redisKey, configuration);
    }

    /** A proxy and the number of draws using it; guarded by the map's per-key lock (compute). */
    private static final class SharedProxy {
        final AsyncBucketProxy proxy;
        int draws;

        SharedProxy(AsyncBucketProxy proxy) {
            this.proxy = proxy;
        }
    }

    /**
     * The Redis key names the limit as well as the subject. Bucket4j applies a configuration only when it creates a
     * bucket, so with the subject alone a changed limit (raising TERP_RATELIMIT_API_CAPACITY for throttled users,
     * say) would not reach anyone whose bucket already exists, and the key never expires while they keep calling.
     * Instances configured alike share buckets; after a change the old keys expire on their own.
     */
    static String redisKey(String key, RateLimitProperties.Limit limit) {
        return "terp:rl:" + key + ":" + limit.capacity() + "/" + limit.period();
    }

    private Mono<Void> unavailable(String limit, Throwable failure) {
        meters.counter("terp.ratelimit.unavailable", "limit", limit).increment();
        decisionCounter(limit, "failed_open").increment();
        unavailableWarning.warn("Rate limit '{}' not applied, Redis unavailable or too slow: {}", limit,
                failure.toString());
        return Mono.empty();
    }

    /** terp.ratelimit.decisions{limit, outcome}: allowed, limited, failed_open (Redis unavailable, let through). */
    private io.micrometer.core.instrument.Counter decisionCounter(String limit, String outcome) {
        return meters.counter("terp.ratelimit.decisions", "limit", limit, "outcome", outcome);
    }

    private BucketConfiguration configurationOf(RateLimitProperties.Limit limit) {
        return configurations.computeIfAbsent(limit, l -> BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(l.capacity()).refillGreedy(l.capacity(), l.period()).build())
                .build());
    }

    private static RateLimitDecision decision(ConsumptionProbe probe, RateLimitProperties.Limit limit) {
        return new RateLimitDecision(probe.isConsumed(), limit.capacity(), probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()), seconds(probe.getNanosToWaitForRefill()), true);
    }

    /** One proxy manager per connection: a new connection (see RedisConnections) gets a new manager. */
    private LettuceBasedProxyManager<String> managerFor(StatefulRedisConnection<String, byte[]> connection) {
        ManagerOfConnection current = manager;
        if (current == null || current.connection() != connection) {
            current = new ManagerOfConnection(connection, proxyManager(connection));
            manager = current;
        }
        return current.manager();
    }

    private record ManagerOfConnection(StatefulRedisConnection<String, byte[]> connection,
            LettuceBasedProxyManager<String> manager) {
    }

    private static LettuceBasedProxyManager<String> proxyManager(StatefulRedisConnection<String, byte[]> opened) {
        return Bucket4jLettuce.casBasedBuilder(opened)
                .expirationAfterWrite(ExpirationAfterWriteStrategy
                        .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(30)))
                .build();
    }

    private String loginKey(ServerWebExchange exchange, String username) {
        return loginKey(clientAddresses.of(exchange), username);
    }

    private static String loginKey(String clientAddress, String username) {
        return "login:" + clientAddress + ":" + username.trim().toLowerCase(Locale.ROOT);
    }

    private static String describe(Duration period) {
        return period.toSeconds() % 60 == 0 ? period.toMinutes() + " minute(s)" : period.toSeconds() + " second(s)";
    }

    static long seconds(long nanos) {
        return (long) Math.ceil(nanos / (double) TimeUnit.SECONDS.toNanos(1));
    }
}
