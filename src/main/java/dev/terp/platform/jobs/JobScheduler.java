package dev.terp.platform.jobs;

import java.time.Clock;
import java.time.Duration;

import io.lettuce.core.SetArgs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.lifecycle.Ticker;
import dev.terp.platform.redis.RedisConnections;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every instance ticks every {@code terp.jobs.tick}: it takes over abandoned jobs, and starts the scheduled job types
 * that are due. A scheduled type runs once per period for the whole cluster, not once per instance: the period is cut
 * into slots (epoch time / period) and only the instance that sets the slot's Redis key first (SET NX with the
 * period as lease) starts the job. With Redis unreachable nothing scheduled starts (better late than twice); jobs
 * already running and their recovery do not need Redis.
 */
@Component
class JobScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);
    private static final Duration REDIS_DEADLINE = Duration.ofSeconds(2);

    private final Jobs jobs;
    private final JobProperties properties;
    private final RedisConnections redis;
    private final Clock clock;
    private final Ticker ticker;

    JobScheduler(Jobs jobs, JobProperties properties, RedisConnections redis, Clock clock) {
        this.jobs = jobs;
        this.properties = properties;
        this.redis = redis;
        this.clock = clock;
        this.ticker = new Ticker("Job", properties.tick(), properties.tick(), this::tick, log);
        properties.schedule().keySet().forEach(type -> {
            if (!jobs.knows(type)) {
                throw new IllegalArgumentException("terp.jobs.schedule." + type + ": no such job type");
            }
        });
    }

    @Override
    public void start() {
        ticker.start();
    }

    Mono<Void> tick() {
        return jobs.recoverAbandoned().then(Flux.fromIterable(properties.schedule().entrySet())
                .concatMap(entry -> startIfDue(entry.getKey(), entry.getValue()))
                .then());
    }

    /** Starts {@code type} if this instance is the first to claim the current slot; true when it did. */
    Mono<Boolean> startIfDue(String type, Duration period) {
        long slot = clock.millis() / period.toMillis();
        String key = "terp:jobs:schedule:" + type + ":" + slot;
        return redis.strings()
                .flatMap(connection -> Mono.fromCompletionStage(connection.async()
                        .set(key, type, SetArgs.Builder.nx().px(period.toMillis()))))
                .timeout(REDIS_DEADLINE)
                .map("OK"::equals)
                .defaultIfEmpty(false)
                .flatMap(first -> first
                        ? jobs.create(type, null).doOnNext(jobs::launch).thenReturn(true)
                        : Mono.just(false))
                .onErrorResume(failure -> {
                    log.warn("Scheduled job {} not started (Redis slot lock unavailable: {})", type,
                            failure.toString());
                    return Mono.just(false);
                });
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
}
