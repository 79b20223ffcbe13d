package dev.terp.platform.ratelimit;

/** The outcome of drawing from a bucket, with what the RateLimit-* headers report. */
public record RateLimitDecision(boolean allowed, long limit, long remaining, long resetSeconds,
        long retryAfterSeconds, boolean measured) {

    /** Redis could not be asked: the request is let through and nothing is reported. */
    static RateLimitDecision unmeasured(long limit) {
        return new RateLimitDecision(true, limit, limit, 0, 0, false);
    }
}
