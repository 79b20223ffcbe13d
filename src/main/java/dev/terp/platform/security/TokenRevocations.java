package dev.terp.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.terp.platform.observability.ThrottledWarning;
import dev.terp.platform.redis.RedisConnections;

import org.springframework.stereotype.Component;

/**
 * Token revocation shared by every instance through Redis: a logged-out token's id is denied until it would have
 * expired anyway, and disabling a user (or changing their roles or password) revokes every token issued to them
 * before that moment.
 *
 * <p>When Redis cannot answer, tokens are accepted (fail open) and the event is logged and counted
 * ({@code terp.auth.revocation.unavailable}): tokens live minutes, and an API that stops serving whenever the cache
 * blips would be worse. Login, user changes and the audit trail keep working against the database.
 */
@Component
public class TokenRevocations {

    private static final Logger log = LoggerFactory.getLogger(TokenRevocations.class);
    private static final Duration REDIS_DEADLINE = Duration.ofMillis(500);

    private final RedisConnections redis;
    private final SecurityProperties properties;
    private final Clock clock;
    private final Counter unavailable;
    private final ThrottledWarning unavailableWarning = new ThrottledWarning(log, Duration.ofSeconds(10));

    public TokenRevocations(RedisConnections redis, SecurityProperties properties, Clock clock,
            MeterRegistry meters) {
        this.redis = redis;
        this.properties = properties;
        this.clock = clock;
        this.unavailable = Counter.builder("terp.auth.revocation.unavailable")
                .description("Token checks answered without Redis (fail open)").register(meters);
    }

    public Mono<Void> revokeToken(AccessToken token) {
        Duration remaining = Duration.between(Instant.now(clock), token.expiresAt());
        if (remaining.isNegative() || remaining.isZero()) {
            return Mono.empty();
        }
        return redis.strings()
                .flatMap(connection -> connection.reactive().setex(tokenKey(token.tokenId()), remaining.toSeconds() + 1,
                        "1"))
                .then();
    }

    /** Every token of the user issued up to now stops working (disable, role change, password reset). */
    public Mono<Void> revokeAllTokensOf(long userId) {
        long now = Instant.now(clock).getEpochSecond();
        return redis.strings()
                .flatMap(connection -> connection.reactive().setex(userKey(userId),
                        properties.tokenTtl().plusMinutes(1).toSeconds(), Long.toString(now)))
                .then();
    }

    public Mono<Boolean> isRevoked(AccessToken token) {
        return redis.strings()
                .flatMap(connection -> connection.reactive()
                        .mget(tokenKey(token.tokenId()), userKey(token.actor().userId()))
                        .collectList())
                .map(values -> values.get(0).hasValue() || values.get(1).hasValue()
                        && token.issuedAt().getEpochSecond() <= Long.parseLong(values.get(1).getValue()))
                // Off Lettuce's I/O thread: the rest of the request must not run on (and hold up) Redis replies.
                .publishOn(Schedulers.parallel())
                .timeout(REDIS_DEADLINE)
                .onErrorResume(failure -> {
                    unavailable.increment();
                    unavailableWarning.warn("Token revocation check skipped, Redis unavailable: {}",
                            failure.toString());
                    return Mono.just(false);
                });
    }

    private static String tokenKey(String tokenId) {
        return "terp:auth:revoked-token:" + tokenId;
    }

    private static String userKey(long userId) {
        return "terp:auth:revoked-before:" + userId;
    }
}
