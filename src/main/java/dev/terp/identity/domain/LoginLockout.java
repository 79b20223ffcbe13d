package dev.terp.identity.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Account lockout against password guessing spread over many addresses (the per-IP limit catches the rest):
 * after {@value #THRESHOLD} consecutive failures the account refuses logins for 15 minutes.
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
