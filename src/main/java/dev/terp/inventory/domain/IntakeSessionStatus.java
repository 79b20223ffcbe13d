package dev.terp.inventory.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The intake-session lifecycle (domain §4.1 B): a session is edited while IN_PROGRESS and then either COMPLETED (its
 * stock received) or CANCELLED. Both ends are terminal. Unlike a batch, staying in the same status is not a move:
 * completing a completed session is refused, so a second completion can never receive the stock twice.
 */
public enum IntakeSessionStatus {
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    private static final Map<IntakeSessionStatus, Set<IntakeSessionStatus>> ALLOWED = Map.of(
            IN_PROGRESS, EnumSet.of(COMPLETED, CANCELLED),
            COMPLETED, EnumSet.noneOf(IntakeSessionStatus.class),
            CANCELLED, EnumSet.noneOf(IntakeSessionStatus.class));

    public boolean canMoveTo(IntakeSessionStatus target) {
        return ALLOWED.get(this).contains(target);
    }

    /** The status after the move; throws when the lifecycle forbids it. */
    public IntakeSessionStatus moveTo(IntakeSessionStatus target) {
        if (!canMoveTo(target)) {
            throw new InvalidIntakeSessionTransition(this, target);
        }
        return target;
    }

    /** Lines can be added, changed and removed only before the session ends. */
    public boolean isEditable() {
        return this == IN_PROGRESS;
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }
}
