package dev.terp.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Lockout against password guessing, per account and client address: after {@value #THRESHOLD} consecutive failures
 * from one address the account refuses logins from that address for 15 minutes. Not per account alone: that would let
 * anyone lock any account, the administrator's included, for everyone. The login rate limit (Redis) usually refuses
 * first; the lockout is the part kept in the database, so it holds while Redis is down.
 */
public final class LoginLockout {

    public static final int THRESHOLD = 10;
    public static final Duration DURATION = Duration.ofMinutes(15);

    private LoginLockout() {
    }

    public static boolean isLocked(Instant lockedUntil, Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** The lock to set after one more failure, or null while under the threshold. */
    public static Instant lockAfterFailure(int failuresIncludingThisOne, Instant now) {
        return failuresIncludingThisOne >= THRESHOLD ? now.plus(DURATION) : null;
    }
}
