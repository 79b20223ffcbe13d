package dev.terp.platform.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The local block layer against an in-memory shared bucket (the real one in Redis: RateLimitConcurrencyIT). */
class TokenBlocksTest {

    private static final String KEY = "terp:rl:api:user:1:1000/PT15M";

    @Test
    void aSteadyUserDrawsBlocksThatDoubleUpToTheLimitsBlockAndEveryTokenIsCountedOnce() {
        SharedBucketInMemory bucket = new SharedBucketInMemory(1000);
        TokenBlocks blocks = new TokenBlocks(Duration.ofMinutes(1));

        List<Long> remaining = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            RateLimitDecision decision = blocks.take(KEY, 1000, 16, bucket).block(Duration.ofSeconds(5));
            assertThat(decision.allowed()).isTrue();
            remaining.add(decision.remaining());
        }

        assertThat(bucket.sizes).startsWith(1L, 2L, 4L, 8L, 16L, 16L).allSatisfy(size -> assertThat(size)
                .isLessThanOrEqualTo(16));
        assertThat(blocks.draws()).isEqualTo(bucket.sizes.size()).isEqualTo(10);
        // One instance: the remaining counts are exactly what the shared bucket would have said, 999 .. 900.
        assertThat(remaining).isEqualTo(java.util.stream.LongStream.rangeClosed(900, 999).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        assertThat(bucket.available()).isEqualTo(1000 - bucket.sizes.stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void concurrentRequestsWaitForTheOneDrawInFlightAndNeverSpendMoreThanWasDrawn() {
        SharedBucketInMemory bucket = new SharedBucketInMemory(150).delayed(Duration.ofMillis(20));
        TokenBlocks blocks = new TokenBlocks(Duration.ofMinutes(1));

        List<RateLimitDecision> decisions = Flux.range(0, 400)
                .flatMap(i -> blocks.take(KEY, 150, 32, bucket), 400)
                .collectList()
                .block(Duration.ofSeconds(30));

        assertThat(decisions).hasSize(400);
        assertThat(decisions.stream().filter(RateLimitDecision::allowed).count()).isEqualTo(150);
        assertThat(bucket.mostInFlight.get()).as("one draw in flight per key").isEqualTo(1);
        assertThat(blocks.draws()).as("far fewer draws than requests").isLessThan(20);
        assertThat(decisions.stream().filter(d -> !d.allowed())).allSatisfy(refused -> {
            assertThat(refused.remaining()).isZero();
            assertThat(refused.retryAfterSeconds()).isPositive();
        });
    }

    @Test
    void unspentTokensGoBackWhenTheHoldRunsOutAndAQuietKeyStartsAgainWithOneToken() {
        SharedBucketInMemory bucket = new SharedBucketInMemory(1000);
        TokenBlocks blocks = new TokenBlocks(Duration.ofMillis(500));

        blocks.take(KEY, 1000, 16, bucket).block(Duration.ofSeconds(5)); // draws 1
        RateLimitDecision second = blocks.take(KEY, 1000, 16, bucket).block(Duration.ofSeconds(5)); // draws 2
        assertThat(bucket.available()).isEqualTo(997);
        assertThat(second.remaining()).as("Redis's 997 plus the unspent token of the block").isEqualTo(998);

        await().atMost(Duration.ofSeconds(5)).until(() -> blocks.keys() == 0);
        await().atMost(Duration.ofSeconds(5)).until(() -> blocks.givenBack() == 1);
        assertThat(bucket.given).containsExactly(1L);
        assertThat(bucket.available()).isEqualTo(998);

        blocks.take(KEY, 1000, 16, bucket).block(Duration.ofSeconds(5));
        assertThat(bucket.sizes).containsExactly(1L, 2L, 1L);
    }

    @Test
    void anEmptyDrawRefusesLocallyUntilATokenRefillsOrTheHoldRunsOut() {
        SharedBucketInMemory bucket = new SharedBucketInMemory(0);
        bucket.nanosToNextToken = TimeUnit.SECONDS.toNanos(90);
        TokenBlocks blocks = new TokenBlocks(Duration.ofSeconds(1));

        RateLimitDecision first = blocks.take(KEY, 100, 16, bucket).block(Duration.ofSeconds(5));
        RateLimitDecision second = blocks.take(KEY, 100, 16, bucket).block(Duration.ofSeconds(5));

        assertThat(first.allowed()).isFalse();
        assertThat(first.retryAfterSeconds()).isEqualTo(90);
        assertThat(second.allowed()).isFalse();
        assertThat(second.retryAfterSeconds()).isBetween(89L, 90L);
        assertThat(blocks.draws()).as("the second refusal was decided locally").isEqualTo(1);

        await().atMost(Duration.ofSeconds(5)).until(() -> blocks.keys() == 0);
        assertThat(blocks.take(KEY, 100, 16, bucket).block(Duration.ofSeconds(5)).allowed()).isFalse();
        assertThat(blocks.draws()).as("past the hold Redis is asked again").isEqualTo(2);
    }

    @Test
    void aFailedDrawFailsEveryRequestWaitingForItAndTheNextRequestDrawsAgain() {
        SharedBucketInMemory bucket = new SharedBucketInMemory(1000).delayed(Duration.ofMillis(300));
        bucket.failing = true;
        TokenBlocks blocks = new TokenBlocks(Duration.ofMinutes(1));

        List<String> outcomes = Flux.range(0, 20)
                .flatMap(i -> blocks.take(KEY, 1000, 16, bucket).map(d -> "decided")
                        .onErrorResume(failure -> Mono.just(failure.getMessage())), 20)
                .collectList()
                .block(Duration.ofSeconds(10));

        assertThat(outcomes).hasSize(20).containsOnly("Redis down");
        assertThat(blocks.draws()).isEqualTo(1);

        bucket.failing = false;
        assertThat(blocks.take(KEY, 1000, 16, bucket).block(Duration.ofSeconds(5)).allowed()).isTrue();
        assertThatThrownBy(() -> new RateLimitProperties.Limit(10, Duration.ofMinutes(1), 0))
                .hasMessageContaining("block must be at least 1");
    }

    @Test
    void theBlockUsedIsAtMostATenthOfTheCapacity() {
        assertThat(new RateLimitProperties.Limit(100, Duration.ofMinutes(15), 128).effectiveBlock()).isEqualTo(10);
        assertThat(new RateLimitProperties.Limit(1_000_000, Duration.ofMinutes(1), 128).effectiveBlock())
                .isEqualTo(128);
        assertThat(new RateLimitProperties.Limit(15, Duration.ofMinutes(1), 128).effectiveBlock()).isEqualTo(1);
        assertThat(new RateLimitProperties.Limit(10, Duration.ofMinutes(1)).effectiveBlock()).isEqualTo(1);
    }

    /** A Bucket4j-like bucket without refill: draws take as much as there is, give-backs stop at the capacity. */
    private static final class SharedBucketInMemory implements TokenBlocks.SharedBucket {

        final long capacity;
        long available;
        final List<Long> sizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Long> given = new java.util.concurrent.CopyOnWriteArrayList<>();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
        volatile long nanosToNextToken = TimeUnit.SECONDS.toNanos(9);
        volatile boolean failing;

        SharedBucketInMemory(long available) {
            this.capacity = Math.max(available, 1000);
            this.available = available;
        }

        SharedBucketInMemory delayed(Duration by) {
            delay.set(by);
            return this;
        }

        synchronized long available() {
            return available;
        }

        @Override
        public Mono<TokenBlocks.Draw> draw(long tokens) {
            sizes.add(tokens);
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Mono<TokenBlocks.Draw> answer = Mono.fromCallable(() -> {
                inFlight.decrementAndGet();
                if (failing) {
                    throw new IllegalStateException("Redis down");
                }
                synchronized (this) {
                    long taken = Math.min(tokens, available);
                    available -= taken;
                    return new TokenBlocks.Draw(taken, available, TimeUnit.MINUTES.toNanos(1),
                            taken > 0 ? 0 : nanosToNextToken);
                }
            });
            return delay.get().isZero() ? answer : Mono.delay(delay.get()).then(answer);
        }

        @Override
        public Mono<Void> giveBack(long tokens) {
            return Mono.fromRunnable(() -> {
                synchronized (this) {
                    given.add(tokens);
                    available = Math.min(capacity, available + tokens);
                }
            });
        }
    }
}
