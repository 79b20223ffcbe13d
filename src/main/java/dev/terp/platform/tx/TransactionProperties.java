package dev.terp.platform.tx;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How business transactions behave: a deadline per attempt, and how often a deadlock or lock-wait timeout is
 * re-run. Bound to {@code terp.transactions.*}.
 */
@Validated
@ConfigurationProperties("terp.transactions")
public record TransactionProperties(
        @NotNull Duration timeout,
        @PositiveOrZero @Max(10) int maxRetries,
        @NotNull Duration firstBackoff,
        @NotNull Duration maxBackoff) {

    public TransactionProperties {
        if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
            throw new IllegalArgumentException("terp.transactions.timeout must be positive, was " + timeout);
        }
        if (firstBackoff != null && maxBackoff != null && maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("terp.transactions.max-backoff (" + maxBackoff
                    + ") must not be shorter than first-backoff (" + firstBackoff + ")");
        }
    }
}
