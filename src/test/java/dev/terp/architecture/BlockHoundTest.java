package dev.terp.architecture;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Proves BlockHound is installed in the test JVM, so a blocking call on a non-blocking thread fails the suite. */
class BlockHoundTest {

    @Test
    void blockingOnANonBlockingThreadIsDetected() {
        Mono<Void> sleeper = Mono.<Void>fromRunnable(() -> {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).subscribeOn(Schedulers.parallel());

        assertThatThrownBy(() -> sleeper.block(Duration.ofSeconds(5)))
                .hasCauseInstanceOf(BlockingOperationError.class)
                .satisfies(e -> { });
    }
}
