package dev.terp.platform.resilience;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CircuitBreakersTest {

    private static final ResilienceProperties.Breaker SMALL =
            new ResilienceProperties.Breaker(50, 4, 4, Duration.ofMillis(300), 1);

    @Test
    void timeoutsOpenTheBreakerThenCallsFailAtOnceAndATrialCallClosesIt() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        CircuitBreakers breakers = new CircuitBreakers(new ResilienceProperties(SMALL, SMALL, Duration.ofSeconds(1)),
                meters);
        AtomicInteger calls = new AtomicInteger();
        Mono<String> hanging = Mono.defer(() -> {
            calls.incrementAndGet();
            return Mono.<String>never();
        });

        for (int i = 0; i < 4; i++) {
            StepVerifier.create(hanging.transform(breakers.redis(Duration.ofMillis(20))))
                    .expectError(java.util.concurrent.TimeoutException.class).verify(Duration.ofSeconds(5));
        }
        assertThat(breakers.named(CircuitBreakers.REDIS).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breakers.redisAvailable()).isFalse();
        assertThat(breakers.named(CircuitBreakers.DATABASE).getState()).as("one breaker per service")
                .isEqualTo(CircuitBreaker.State.CLOSED);

        StepVerifier.create(hanging.transform(breakers.redis(Duration.ofSeconds(10))))
                .expectError(CallNotPermittedException.class).verify(Duration.ofMillis(500));
        assertThat(calls).as("an open breaker does not call").hasValue(4);
        assertThat(meters.get("resilience4j.circuitbreaker.state").tags("name", "redis", "state", "open").gauge()
                .value()).isEqualTo(1.0);

        await().atMost(Duration.ofSeconds(5)).until(breakers::redisAvailable);
        StepVerifier.create(Mono.just("back").transform(breakers.redis(Duration.ofSeconds(1))))
                .expectNext("back").verifyComplete();
        assertThat(breakers.named(CircuitBreakers.REDIS).getState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    /**
     * Outcomes are recorded on the threads that complete the calls — non-blocking ones (BlockHound watches the
     * parallel scheduler as it watches event loops). Many calls finishing at once on every such thread must never
     * wait on a lock: with Resilience4j's default synchronized window they did, and BlockHound's error was dropped,
     * so the request never answered.
     */
    @Test
    void callsCompletingAtOnceOnNonBlockingThreadsRecordTheirOutcomesWithoutALock() {
        CircuitBreakers breakers = new CircuitBreakers(new ResilienceProperties(
                new ResilienceProperties.Breaker(99, 100, 100, Duration.ofSeconds(5), 1), SMALL,
                Duration.ofSeconds(1)), new SimpleMeterRegistry());
        int calls = 50_000;

        StepVerifier.create(Flux.range(0, calls)
                        .parallel()
                        .runOn(Schedulers.parallel())
                        .flatMap(i -> (i % 10 == 0 ? Mono.<Integer>error(new IllegalStateException("failed " + i))
                                : Mono.just(i))
                                .transform(breakers.redis(Duration.ofSeconds(5)))
                                .onErrorResume(IllegalStateException.class, failure -> Mono.just(-1)))
                        .sequential()
                        .count())
                .expectNext((long) calls)
                .expectComplete()
                .verify(Duration.ofSeconds(60));
        assertThat(breakers.named(CircuitBreakers.REDIS).getMetrics().getNumberOfBufferedCalls()).isEqualTo(100);
    }

    @Test
    void aBreakerThatCouldNeverOpenOrCloseStopsTheStart() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Properties.class)
                .withPropertyValues("terp.resilience.redis.failure-rate-threshold=50",
                        "terp.resilience.redis.sliding-window=20", "terp.resilience.redis.minimum-calls=10",
                        "terp.resilience.redis.open-for=5s", "terp.resilience.redis.half-open-calls=3",
                        "terp.resilience.database.failure-rate-threshold=50",
                        "terp.resilience.database.sliding-window=10", "terp.resilience.database.minimum-calls=4",
                        "terp.resilience.database.open-for=5s", "terp.resilience.database.half-open-calls=2");

        runner.run(context -> assertThat(context).hasNotFailed());
        runner.withPropertyValues("terp.resilience.redis.failure-rate-threshold=150")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("terp.resilience.database.minimum-calls=11")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("terp.resilience.redis.half-open-calls=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("terp.resilience.database.open-for=0s")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("terp.resilience.database-connect-timeout=-1s")
                .run(context -> assertThat(context).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(ResilienceProperties.class)
    static class Properties {
    }
}
