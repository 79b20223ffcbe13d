package dev.terp.platform.lifecycle;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The background tick of a {@link org.springframework.context.SmartLifecycle} bean (scheduled jobs, the revocation
 * copy): one tick at a time — ticks that fall due while one runs are dropped rather than queued — and a failing tick
 * is logged and the next one tried, so one failure never ends the ticking.
 */
public final class Ticker {

    /** Stops before the web server's graceful shutdown and before the connection pools close. */
    public static final int PHASE = Integer.MAX_VALUE - 2048;

    private final String what;
    private final Duration initialDelay;
    private final Duration period;
    private final Supplier<Mono<?>> tick;
    private final Logger log;
    private volatile Disposable ticking;

    public Ticker(String what, Duration initialDelay, Duration period, Supplier<Mono<?>> tick, Logger log) {
        this.what = what;
        this.initialDelay = initialDelay;
        this.period = period;
        this.tick = tick;
        this.log = log;
    }

    public void start() {
        ticking = Flux.interval(initialDelay, period)
                .onBackpressureDrop()
                .concatMap(n -> tick.get().onErrorResume(failure -> {
                    log.warn("{} tick failed: {}", what, failure.toString());
                    return Mono.empty();
                }), 1)
                .subscribe();
    }

    public void stop() {
        Disposable current = ticking;
        if (current != null) {
            current.dispose();
        }
        ticking = null;
    }

    public boolean isRunning() {
        return ticking != null;
    }
}
