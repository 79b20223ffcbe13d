package dev.terp.platform.resilience;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The circuit breakers of {@code terp.resilience.*}: one per backing service ({@code redis}, {@code database}), and
 * how long opening one database connection may take before it counts as a failure. Validated at start-up: a
 * breaker that could never open (threshold above 100 %, empty window) or never close (no half-open calls) is a
 * configuration error, not a behaviour.
 */
@Validated
@ConfigurationProperties("terp.resilience")
public record ResilienceProperties(@Valid @NotNull Breaker redis, @Valid @NotNull Breaker database,
        @DefaultValue("5s") Duration databaseConnectTimeout) {

    public ResilienceProperties {
        requirePositive("terp.resilience.database-connect-timeout", databaseConnectTimeout);
    }

    /**
     * A count-based breaker: once {@code minimumCalls} of the last {@code slidingWindow} calls are in and at least
     * {@code failureRateThreshold} percent of them failed (or timed out), it opens: calls fail at once for
     * {@code openFor}; then {@code halfOpenCalls} trial calls decide whether it closes or opens again.
     */
    public record Breaker(@Min(1) @Max(100) int failureRateThreshold, @Min(1) int slidingWindow,
            @Min(1) int minimumCalls, @NotNull Duration openFor, @Min(1) int halfOpenCalls) {

        public Breaker {
            requirePositive("terp.resilience.*.open-for", openFor);
            if (minimumCalls > slidingWindow) {
                throw new IllegalArgumentException("terp.resilience.*.minimum-calls (" + minimumCalls
                        + ") must not exceed sliding-window (" + slidingWindow + ")");
            }
        }
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
