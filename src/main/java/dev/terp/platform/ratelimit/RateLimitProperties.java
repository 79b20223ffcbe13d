package dev.terp.platform.ratelimit;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The three limits of api-conventions §5, bound to {@code terp.rate-limit.*} (so {@code TERP_RATELIMIT_API_CAPACITY}
 * works); application.yml holds the old TERP values as defaults. {@code enabled=false} ({@code TERP_RATELIMIT_ENABLED})
 * switches every limit off: meant for measuring what limiting costs (docs/benchmarks/rate-limit.md), not for
 * production. {@code redis-timeout} bounds one decision: past it the request is let through (fail open).
 */
@Validated
@ConfigurationProperties("terp.rate-limit")
public record RateLimitProperties(@Valid @NotNull Limit api, @Valid @NotNull Limit login, @Valid @NotNull Limit strict,
        @DefaultValue("true") boolean enabled, @DefaultValue("2s") Duration redisTimeout) {

    public RateLimitProperties {
        if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero()) {
            throw new IllegalArgumentException("terp.rate-limit.redis-timeout must be positive, was " + redisTimeout);
        }
    }

    /** {@code capacity} requests per {@code period}, refilled continuously. */
    public record Limit(long capacity, @NotNull Duration period) {

        public Limit {
            if (capacity < 1) {
                throw new IllegalArgumentException("A rate limit capacity must be at least 1, was " + capacity);
            }
            if (period != null && (period.isNegative() || period.isZero())) {
                throw new IllegalArgumentException("A rate limit period must be positive, was " + period);
            }
        }
    }
}
