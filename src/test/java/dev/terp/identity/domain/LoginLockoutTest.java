package dev.terp.identity.domain;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoginLockoutTest {

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void locksForFifteenMinutesAtTheTenthConsecutiveFailure() {
        assertThat(LoginLockout.lockAfterFailure(9, now)).isNull();
        assertThat(LoginLockout.lockAfterFailure(10, now)).isEqualTo(Instant.parse("2026-11-25T12:15:00Z"));
    }

    @Test
    void aLockEndsWhenItsTimeHasPassed() {
        Instant until = now.plusSeconds(60);
        assertThat(LoginLockout.isLocked(until, now)).isTrue();
        assertThat(LoginLockout.isLocked(until, until)).isFalse();
        assertThat(LoginLockout.isLocked(null, now)).isFalse();
    }
}
