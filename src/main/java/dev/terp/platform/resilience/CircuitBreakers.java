package dev.terp.platform.resilience;

import java.time.Duration;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The one registry of circuit breakers: {@value #REDIS} guards every Redis call of the platform (rate limits, token
 * revocation), {@value #DATABASE} the opening of database connections ({@link DatabaseCircuitBreaker}). A breaker
 * counts failures and timeouts of the calls it guards; once it opens, calls fail at once with
 * {@link CallNotPermittedException} instead of each waiting for its timeout, and after {@code open-for} a few trial
 * calls close it again when the service is back: no restart needed.
 *
 * <p>States are published as {@code resilience4j_circuitbreaker_state{name, state}} (Resilience4j's Micrometer
 * binding: 1 for the current state, 0 for the others) and every transition is logged at WARN.
 */
@Component
public class CircuitBreakers {

    public static final String REDIS = "redis";
    public static final String DATABASE = "database";

    private static final Logger log = LoggerFactory.getLogger(CircuitBreakers.class);

    private final CircuitBreaker redis;
    private final CircuitBreaker database;

    public CircuitBreakers(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
        this.redis = register(registry, REDIS, properties.redis());
        this.database = register(registry, DATABASE, properties.database());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    /**
     * Guards one Redis call: at most {@code timeout}, counted by the Redis breaker; while it is open the call is not
     * made and fails with {@link CallNotPermittedException}. Callers decide what a failure means (fail open).
     */
    public <T> Function<Mono<T>, Mono<T>> redis(Duration timeout) {
        return call -> call.timeout(timeout).transformDeferred(CircuitBreakerOperator.of(redis));
    }

    /** Whether Redis calls are currently let through (closed, or half-open with trial calls left to decide). */
    public boolean redisAvailable() {
        return redis.getState() != CircuitBreaker.State.OPEN && redis.getState() != CircuitBreaker.State.FORCED_OPEN;
    }

    CircuitBreaker database() {
        return database;
    }

    /** Visible for tests: the breaker of one backing service. */
    public CircuitBreaker named(String name) {
        return switch (name) {
            case REDIS -> redis;
            case DATABASE -> database;
            default -> throw new IllegalArgumentException("No circuit breaker named " + name);
        };
    }

    private static CircuitBreaker register(CircuitBreakerRegistry registry, String name,
            ResilienceProperties.Breaker breaker) {
        CircuitBreaker created = registry.circuitBreaker(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                // Every outcome is recorded on the thread that completed the call, an event loop or a parallel
                // worker: the default (SYNCHRONIZED) window parks concurrent recorders on a lock.
                .slidingWindowSynchronizationStrategy(
                        CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
                .slidingWindowSize(breaker.slidingWindow())
                .minimumNumberOfCalls(breaker.minimumCalls())
                .failureRateThreshold(breaker.failureRateThreshold())
                .waitDurationInOpenState(breaker.openFor())
                .permittedNumberOfCallsInHalfOpenState(breaker.halfOpenCalls())
                // Half-open after open-for even when no request comes: background work (the revocation copy to
                // Redis, the readiness probe) then makes the trial calls.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build());
        created.getEventPublisher().onStateTransition(event -> log.warn("Circuit breaker '{}': {}", name,
                event.getStateTransition()));
        return created;
    }
}
