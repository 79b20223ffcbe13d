package dev.terp.platform.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The three limits of api-conventions §5, bound to {@code terp.rate-limit.*} (so {@code TERP_RATELIMIT_API_CAPACITY}
 * works); application.yml holds the old TERP values as defaults. {@code enabled=false} ({@code TERP_RATELIMIT_ENABLED})
 * switches every limit off: meant for measuring what limiting costs (docs/benchmarks/rate-limit.md), not for
 * production. {@code redis-timeout} bounds one decision: past it the request is let through (fail open).
 * {@code block-hold} is how long an instance may keep tokens it drew ahead from a shared bucket before it gives the
 * unspent ones back (see {@link TokenBlocks}).
 */
@Validated
@ConfigurationProperties("terp.rate-limit")
public record RateLimitProperties(@Valid @NotNull Limit api, @Valid @NotNull Limit login, @Valid @NotNull Limit strict,
        boolean enabled, Duration redisTimeout, Duration blockHold) {

    static final Duration MAX_BLOCK_HOLD = Duration.ofMinutes(1);

    @ConstructorBinding
    public RateLimitProperties(@Valid @NotNull Limit api, @Valid @NotNull Limit login, @Valid @NotNull Limit strict,
            @DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration redisTimeout,
            @DefaultValue("1s") Duration blockHold) {
        if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("terp.rate-limit.redis-timeout must be positive, was " + redisTimeout);
        }
        if (blockHold == null || blockHold.isNegative() || blockHold.isZero()
                || blockHold.compareTo(MAX_BLOCK_HOLD) > 0) {
            throw new IllegalArgumentException("terp.rate-limit.block-hold must be positive and at most "
                    + MAX_BLOCK_HOLD + " (tokens held longer starve the other instances), was " + blockHold);
        }
        if (login != null && login.block() != 1) {
            throw new IllegalArgumentException("terp.rate-limit.login.block must be 1: failed logins are counted "
                    + "one by one in Redis, was " + login.block());
        }
        this.api = api;
        this.login = login;
        this.strict = strict;
        this.enabled = enabled;
        this.redisTimeout = redisTimeout;
        this.blockHold = blockHold;
    }

    /** Every limit decided in Redis request by request; block hold 1 s. */
    public RateLimitProperties(Limit api, Limit login, Limit strict, boolean enabled, Duration redisTimeout) {
        this(api, login, strict, enabled, redisTimeout, Duration.ofSeconds(1));
    }

    /**
     * {@code capacity} requests per {@code period}, refilled continuously. {@code block} is the most tokens one
     * instance draws ahead from the shared bucket at a time (1 = every request decided in Redis); see
     * {@link #effectiveBlock()}.
     */
    public record Limit(long capacity, @NotNull Duration period, long block) {

        @ConstructorBinding
        public Limit(long capacity, @NotNull Duration period, @DefaultValue("1") long block) {
            if (capacity < 1) {
                throw new IllegalArgumentException("A rate limit capacity must be at least 1, was " + capacity);
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("A rate limit period must be positive, was " + period);
            }
            if (block < 1) {
                throw new IllegalArgumentException("A rate limit block must be at least 1, was " + block);
            }
            this.capacity = capacity;
            this.period = period;
            this.block = block;
        }

        /** A limit decided in Redis request by request. */
        public Limit(long capacity, Duration period) {
            this(capacity, period, 1);
        }

        /**
         * The block actually used: the configured one, but never more than a tenth of the capacity, so that the
         * tokens other instances hold ahead (at most one block each) cannot take a user's whole allowance. Small
         * limits (capacity below 20) are therefore always decided request by request.
         */
        public long effectiveBlock() {
            return Math.max(1, Math.min(block, capacity / 10));
        }
    }
}
