package dev.terp.inventory.domain;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The batch lifecycle of domain §4.2, with the November map that makes PHOTOGRAPHY_COMPLETE a reachable sub-status
 * of LIVE. Staying in the same status is allowed and changes nothing. CLOSED is terminal.
 */
public enum BatchStatus {
    AWAITING_INTAKE,
    LIVE,
    PHOTOGRAPHY_COMPLETE,
    ON_HOLD,
    QUARANTINED,
    SOLD_OUT,
    CLOSED;

    private static final Map<BatchStatus, Set<BatchStatus>> ALLOWED = Map.of(
            AWAITING_INTAKE, EnumSet.of(LIVE, QUARANTINED),
            LIVE, EnumSet.of(PHOTOGRAPHY_COMPLETE, ON_HOLD, QUARANTINED, SOLD_OUT),
            PHOTOGRAPHY_COMPLETE, EnumSet.of(LIVE, ON_HOLD, QUARANTINED, SOLD_OUT),
            ON_HOLD, EnumSet.of(LIVE, QUARANTINED),
            QUARANTINED, EnumSet.of(LIVE, ON_HOLD, CLOSED),
            SOLD_OUT, EnumSet.of(CLOSED),
            CLOSED, EnumSet.noneOf(BatchStatus.class));

    public boolean canMoveTo(BatchStatus target) {
        return this == target || ALLOWED.get(this).contains(target);
    }

    /** The status after the move; throws when the lifecycle forbids it. */
    public BatchStatus moveTo(BatchStatus target) {
        if (!canMoveTo(target)) {
            throw new InvalidStateTransition(this, target);
        }
        return target;
    }

    public Set<BatchStatus> nextStatuses() {
        return Set.copyOf(ALLOWED.get(this));
    }

    public boolean isTerminal() {
        return ALLOWED.get(this).isEmpty();
    }

    /** Only stock that is on sale can be promised to an order. */
    public boolean isSellable() {
        return this == LIVE || this == PHOTOGRAPHY_COMPLETE;
    }

    /**
     * Whether goods reserved earlier may leave as a sale. A SOLD_OUT batch still ships what it promised (it sold out
     * because everything was promised); a batch put on hold or in quarantine keeps its reservations but ships
     * nothing until it is released.
     */
    public boolean canShipReservations() {
        return isSellable() || this == SOLD_OUT;
    }
}
