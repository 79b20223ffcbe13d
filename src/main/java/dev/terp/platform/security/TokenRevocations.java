package dev.terp.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.lettuce.core.ScriptOutputType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.platform.observability.ThrottledWarning;
import dev.terp.platform.lifecycle.Ticker;
import dev.terp.platform.redis.RedisConnections;
import dev.terp.platform.resilience.CircuitBreakers;
import dev.terp.platform.security.TokenRevocationRepository.Revocation;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Token revocation shared by every instance: a logged-out token's id is denied until it would have expired anyway,
 * and disabling a user (or changing their roles or password) revokes every token issued to them before that moment.
 *
 * <p><b>Durable first, Redis second.</b> A revocation is a row of {@code token_revocations}, written in the
 * transaction of the change that revokes (so it commits or rolls back with it), and copied to Redis once that
 * transaction has committed. Every request checks Redis (through the {@code redis} circuit breaker, 500 ms). When
 * Redis cannot answer — down, slow, breaker open — the check reads an in-memory copy of the table instead (every
 * unexpired revocation, a small set), counted as {@code terp.auth.revocation.unavailable}; no request waits for the
 * database. After any Redis failure (and at start-up, in case Redis restarted empty meanwhile) a background tick
 * every {@value #RESYNC_SECONDS} s reloads that copy from the table and copies every unexpired row to Redis again;
 * until a full copy has succeeded, checks consult the in-memory copy as well as Redis. So a revocation made during
 * a Redis outage refuses the token at once on this instance (its own revocations join the copy on commit) and
 * within {@value #RESYNC_SECONDS} s on the others, and none is lost when Redis returns empty. Only when no copy
 * could be loaded yet is a token accepted without a check (fail open, {@code terp.auth.revocation.failed.open}):
 * tokens live minutes, and with the database down the API answers 503 anyway.
 */
@Component
public class TokenRevocations implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final Duration REDIS_DEADLINE = Duration.ofMillis(500);
    private static final long RESYNC_SECONDS = 2;
    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(5);
    /** Sets the user's "revoked up to" second only if it moves forward: copies may arrive in any order. */
    private static final String RAISE_REVOKED_UP_TO = """
            local current = redis.call('GET', KEYS[1])
            if current and tonumber(current) >= tonumber(ARGV[1]) then return 0 end
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            return 1""";

    private final RedisConnections redis;
    private final TokenRevocationRepository table;
    private final TransactionRunner tx;
    private final CircuitBreakers breakers;
    private final SecurityProperties properties;
    private final Clock clock;
    private final Counter unavailable;
    private final Counter failedOpen;
    private final ThrottledWarning unavailableWarning = new ThrottledWarning(log, Duration.ofSeconds(10));
    /** Redis may lack revocations (a failed copy, a Redis restart): checks consult the table until a full copy. */
    private final AtomicBoolean resyncNeeded = new AtomicBoolean(true);
    /** The table as last read (plus this instance's revocations since); null until the first read succeeded. */
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile Instant lastCleanUp = Instant.EPOCH;
    private final Ticker ticker =
            new Ticker("Token revocation", Duration.ZERO, Duration.ofSeconds(RESYNC_SECONDS), this::tick, log);

    TokenRevocations(RedisConnections redis, TokenRevocationRepository table, TransactionRunner tx,
            CircuitBreakers breakers, SecurityProperties properties, Clock clock, MeterRegistry meters) {
        this.redis = redis;
        this.table = table;
        this.tx = tx;
        this.breakers = breakers;
        this.properties = properties;
        this.clock = clock;
        this.unavailable = Counter.builder("terp.auth.revocation.unavailable")
                .description("Token checks answered without Redis (from the database)").register(meters);
        this.failedOpen = Counter.builder("terp.auth.revocation.failed.open")
                .description("Token checks answered by neither Redis nor the database (token accepted)")
                .register(meters);
    }

    /** Revokes one token (logout); joins the caller's transaction, or runs in one of its own. */
    public Mono<Void> revokeToken(AccessToken token) {
        Instant now = Instant.now(clock);
        if (!token.expiresAt().isAfter(now)) {
            return Mono.empty();
        }
        return record(new Revocation(token.actor().userId(), token.tokenId(), now.getEpochSecond(),
                token.expiresAt()));
    }

    /**
     * Every token of the user issued up to now stops working (disable, role change, password reset); joins the
     * caller's transaction, or runs in one of its own.
     */
    public Mono<Void> revokeAllTokensOf(long userId) {
        Instant now = Instant.now(clock);
        return record(new Revocation(userId, null, now.getEpochSecond(),
                now.plus(properties.tokenTtl()).plus(Duration.ofMinutes(1))));
    }

    public Mono<Boolean> isRevoked(AccessToken token) {
        return inRedis(token)
                // Redis answered but may lack revocations (a failed copy, a restart): the copy of the table decides too.
                .map(revoked -> revoked || resyncNeeded.get() && inCopy(token))
                .onErrorResume(failure -> {
                    redisFailed();
                    unavailable.increment();
                    unavailableWarning.warn("Token revocation checked against the database's revocations, Redis "
                            + "unavailable: {}", failure.toString());
                    if (snapshot.get() == null) {
                        failedOpen.increment();
                        return Mono.just(false);
                    }
                    return Mono.just(inCopy(token));
                });
    }

    private Mono<Boolean> inRedis(AccessToken token) {
        return redis.strings()
                .flatMap(connection -> connection.reactive()
                        .mget(tokenKey(token.tokenId()), userKey(token.actor().userId()))
                        .collectList())
                .map(values -> values.get(0).hasValue() || values.get(1).hasValue()
                        && token.issuedAt().getEpochSecond() <= Long.parseLong(values.get(1).getValue()))
                // Off Lettuce's I/O thread: the rest of the request must not run on (and hold up) Redis replies.
                .publishOn(Schedulers.parallel())
                .transform(breakers.redis(REDIS_DEADLINE));
    }

    /** Whether the in-memory copy of the table refuses the token; no copy loaded yet refuses nothing. */
    private boolean inCopy(AccessToken token) {
        Snapshot current = snapshot.get();
        return current != null && current.refuses(token);
    }

    /** The row in the caller's transaction; the copy to Redis once that transaction has committed. */
    private Mono<Void> record(Revocation revocation) {
        return tx.inRetryingTransaction(() -> table.insert(revocation)
                .then(TransactionSynchronizationManager.forCurrentTransaction())
                .doOnNext(transaction -> transaction.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public Mono<Void> afterCommit() {
                        snapshot.updateAndGet(current -> current == null ? null : current.with(revocation));
                        return copyToRedis(revocation).onErrorResume(failure -> {
                            redisFailed();
                            unavailableWarning.warn("Token revocation recorded in the database only, Redis "
                                    + "unavailable (copied when it returns): {}", failure.toString());
                            return Mono.empty();
                        });
                    }
                }))
                .then());
    }

    private Mono<Void> copyToRedis(Revocation revocation) {
        long ttlSeconds = Duration.between(Instant.now(clock), revocation.expiresAt()).toSeconds() + 1;
        if (ttlSeconds <= 1) {
            return Mono.empty();
        }
        return redis.strings()
                .flatMap(connection -> revocation.tokenId() != null
                        ? connection.reactive().setex(tokenKey(revocation.tokenId()), ttlSeconds, "1").then()
                        : connection.reactive().<Long>eval(RAISE_REVOKED_UP_TO, ScriptOutputType.INTEGER,
                                new String[] {userKey(revocation.userId())},
                                Long.toString(revocation.revokedAtSecond()), Long.toString(ttlSeconds)).then())
                .transform(breakers.redis(REDIS_DEADLINE));
    }

    private void redisFailed() {
        resyncNeeded.set(true);
    }

    /**
     * One tick: while Redis may lack revocations, reload the in-memory copy of the table and copy every unexpired
     * row to Redis (once the breaker lets calls through); now and then delete expired rows.
     */
    Mono<Void> tick() {
        Instant now = Instant.now(clock);
        Mono<Void> cleanUp = Duration.between(lastCleanUp, now).compareTo(CLEAN_UP_EVERY) < 0
                ? Mono.empty()
                : table.deleteExpired(now).doOnNext(deleted -> lastCleanUp = now).then();
        if (!resyncNeeded.get()) {
            return cleanUp;
        }
        resyncNeeded.set(false);
        return table.unexpired(now).collectList()
                .doOnNext(rows -> snapshot.set(new Snapshot(rows)))
                .onErrorResume(failure -> {
                    log.warn("Token revocations not reloaded from the database: {}", failure.toString());
                    redisFailed();
                    return Mono.empty();
                })
                .flatMap(rows -> breakers.redisAvailable()
                        ? Flux.fromIterable(rows).concatMap(this::copyToRedis)
                                .then(Mono.fromRunnable(() -> log.info("{} token revocations copied to Redis",
                                        rows.size())))
                                .onErrorResume(failure -> {
                                    redisFailed();
                                    return Mono.empty();
                                })
                        : Mono.fromRunnable(this::redisFailed))
                .then(cleanUp);
    }

    @Override
    public void start() {
        ticker.start();
    }

    @Override
    public void stop() {
        ticker.stop();
    }

    @Override
    public boolean isRunning() {
        return ticker.isRunning();
    }

    @Override
    public int getPhase() {
        return Ticker.PHASE;
    }

    private static String tokenKey(String tokenId) {
        return "terp:auth:revoked-token:" + tokenId;
    }

    private static String userKey(long userId) {
        return "terp:auth:revoked-before:" + userId;
    }

    /** Every unexpired revocation, as read from the table. */
    private record Snapshot(List<Revocation> revocations) {

        Snapshot with(Revocation added) {
            List<Revocation> more = new java.util.ArrayList<>(revocations);
            more.add(added);
            return new Snapshot(List.copyOf(more));
        }

        boolean refuses(AccessToken token) {
            for (Revocation revocation : revocations) {
                if (revocation.refuses(token)) {
                    return true;
                }
            }
            return false;
        }
    }
}
