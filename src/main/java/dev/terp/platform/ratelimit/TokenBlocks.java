package dev.terp.platform.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Tokens an instance drew ahead from a shared bucket and spends locally, so that a hot key (one user's many
 * concurrent requests) costs one Redis draw per block instead of one per request.
 *
 * <p>Why the global bound still holds: a request is only admitted with a token already taken from Redis, and
 * unspent tokens are given back with Bucket4j's {@code addTokens} (which never fills a bucket past its capacity), so
 * all instances together admit at most what one shared bucket would (slack 0). What it costs is under-admission:
 * tokens an instance holds are not available to the others. Each instance holds at most one block per key (at most
 * {@link RateLimitProperties.Limit#effectiveBlock()} tokens) and for at most the hold
 * ({@code terp.rate-limit.block-hold}); then the unspent ones go back to Redis.
 *
 * <p>Blocks grow with demand: the first draw of a key takes 1 token; a block spent before its hold ran out is
 * followed by one twice as large, up to the limit's block; a key that went quiet starts again at 1. A user making a
 * request now and then therefore draws one token at a time, exactly as without blocks. Requests of a key arriving
 * while its draw is in flight wait for that one draw (one draw in flight per key and instance). When a draw comes
 * back empty the key is refused locally until a token refills or the hold runs out, whichever comes first, without
 * asking Redis again.
 *
 * <p>RateLimit-Remaining is the best this instance knows: what Redis had left at its last draw plus the tokens of
 * the block not yet spent. RateLimit-Reset counts the block as spent (it was taken from Redis), from the last draw.
 */
final class TokenBlocks {

    /** What one draw from the shared bucket answered: the tokens taken and the bucket's state after it. */
    record Draw(long tokens, long remaining, long resetNanos, long nanosToNextToken) {
    }

    /** The shared bucket of one key: taking a block (as many of the tokens as it has), giving unspent ones back. */
    interface SharedBucket {

        Mono<Draw> draw(long tokens);

        /** Best effort, not awaited: tokens that cannot be given back return by refill. */
        Mono<Void> giveBack(long tokens);
    }

    private final long holdNanos;
    private final ConcurrentHashMap<String, Block> blocks = new ConcurrentHashMap<>();
    private final AtomicLong draws = new AtomicLong();
    private final AtomicLong givenBack = new AtomicLong();

    TokenBlocks(Duration hold) {
        this.holdNanos = hold.toNanos();
    }

    /** Admits or refuses one request of {@code key}, drawing at most {@code maxBlock} tokens at a time. */
    Mono<RateLimitDecision> take(String key, long capacity, long maxBlock, SharedBucket bucket) {
        return Mono.defer(() -> {
            while (true) {
                Block block = blocks.computeIfAbsent(key, k -> new Block());
                Step step;
                synchronized (block) {
                    if (block.removed) {
                        continue;
                    }
                    step = block.next(System.nanoTime(), capacity, maxBlock, holdNanos);
                }
                if (step.decision() != null) {
                    return Mono.just(step.decision());
                }
                if (step.waitFor() != null) {
                    // Woken on the thread that completed the draw; each waiter continues on its own worker.
                    return Mono.fromFuture(step.waitFor(), true)
                            .publishOn(Schedulers.parallel())
                            .then(take(key, capacity, maxBlock, bucket));
                }
                if (step.giveBack() > 0) {
                    giveBack(bucket, step.giveBack());
                }
                return draw(key, block, step.size(), capacity, bucket);
            }
        });
    }

    private Mono<RateLimitDecision> draw(String key, Block block, long size, long capacity, SharedBucket bucket) {
        draws.incrementAndGet();
        CompletableFuture<RateLimitDecision> mine = new CompletableFuture<>();
        // Subscribed here and never cancelled: the requests waiting for this draw must not hang because the one
        // that started it went away.
        bucket.draw(size)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException("a draw answered nothing")))
                .subscribe(
                        drawn -> {
                            CompletableFuture<Void> waiting;
                            RateLimitDecision decision;
                            long generation;
                            synchronized (block) {
                                waiting = block.pending;
                                decision = block.drawn(drawn, System.nanoTime(), capacity, holdNanos);
                                generation = block.generation;
                            }
                            Mono.delay(Duration.ofNanos(holdNanos))
                                    .subscribe(tick -> expire(key, block, generation, bucket));
                            waiting.complete(null);
                            mine.complete(decision);
                        },
                        failure -> {
                            CompletableFuture<Void> waiting;
                            synchronized (block) {
                                waiting = block.pending;
                                block.pending = null;
                            }
                            // Those who waited fail like the one who drew: each is let through and counted.
                            waiting.completeExceptionally(failure);
                            mine.completeExceptionally(failure);
                        });
        return Mono.fromFuture(mine, true);
    }

    /** The hold of a block ran out: unspent tokens go back to Redis; a key nobody used since is forgotten. */
    private void expire(String key, Block block, long generation, SharedBucket bucket) {
        long unspent;
        synchronized (block) {
            if (block.generation != generation) {
                return; // a later draw replaced this block and expires on its own
            }
            unspent = block.left;
            block.left = 0;
            if (block.pending == null) {
                block.removed = true;
                blocks.remove(key, block);
            }
        }
        if (unspent > 0) {
            giveBack(bucket, unspent);
        }
    }

    private void giveBack(SharedBucket bucket, long tokens) {
        bucket.giveBack(tokens).subscribe(null, failure -> { }, () -> givenBack.addAndGet(tokens));
    }

    /** How many unspent tokens Redis confirmed given back; visible for tests. */
    long givenBack() {
        return givenBack.get();
    }

    /** How many draws went to Redis; visible for tests. */
    long draws() {
        return draws.get();
    }

    /** How many keys are held; visible for the test that proves the map drains. */
    int keys() {
        return blocks.size();
    }

    /** What {@link Block#next} decided: answer now, wait for the draw in flight, or draw {@code size} tokens. */
    private record Step(RateLimitDecision decision, CompletableFuture<Void> waitFor, long size, long giveBack) {
    }

    /** The local state of one key; every field is guarded by the block's monitor. */
    private static final class Block {

        boolean removed;
        long generation;
        CompletableFuture<Void> pending;
        long size;
        long left;
        long drawnAt;
        long expiresAt;
        long remainingAtDraw;
        long resetAtDraw;
        long refusedUntil;
        long nextTokenAt;

        Step next(long now, long capacity, long maxBlock, long holdNanos) {
            boolean fresh = generation > 0 && now - expiresAt < 0;
            if (fresh && left > 0) {
                left--;
                return new Step(allowed(now, capacity), null, 0, 0);
            }
            if (pending != null) {
                return new Step(null, pending, 0, 0);
            }
            if (generation > 0 && now - refusedUntil < 0) {
                return new Step(refused(now, capacity), null, 0, 0);
            }
            long giveBack = left; // only an expired block can still hold tokens here
            left = 0;
            size = fresh && size > 0 ? Math.min(maxBlock, size * 2) : 1;
            pending = new CompletableFuture<>();
            return new Step(null, null, size, giveBack);
        }

        /** A draw came back: the one who drew takes the first token, the rest is the block. */
        RateLimitDecision drawn(Draw draw, long now, long capacity, long holdNanos) {
            pending = null;
            generation++;
            drawnAt = now;
            expiresAt = now + holdNanos;
            remainingAtDraw = draw.remaining();
            resetAtDraw = draw.resetNanos();
            if (draw.tokens() > 0) {
                left = draw.tokens() - 1;
                refusedUntil = now;
                return allowed(now, capacity);
            }
            left = 0;
            nextTokenAt = now + draw.nanosToNextToken();
            refusedUntil = now + Math.min(draw.nanosToNextToken(), holdNanos);
            return refused(now, capacity);
        }

        private RateLimitDecision allowed(long now, long capacity) {
            return new RateLimitDecision(true, capacity, remainingAtDraw + left,
                    RateLimiter.seconds(Math.max(0, resetAtDraw - (now - drawnAt))), 0, true);
        }

        private RateLimitDecision refused(long now, long capacity) {
            return new RateLimitDecision(false, capacity, 0,
                    RateLimiter.seconds(Math.max(0, resetAtDraw - (now - drawnAt))),
                    RateLimiter.seconds(Math.max(0, nextTokenAt - now)), true);
        }
    }
}
