package dev.terp.inventory.domain;

/** An intake-session status change the lifecycle does not allow; the service answers 409 INVALID_STATE_TRANSITION. */
public class InvalidIntakeSessionTransition extends RuntimeException {

    private final IntakeSessionStatus from;
    private final IntakeSessionStatus to;

    public InvalidIntakeSessionTransition(IntakeSessionStatus from, IntakeSessionStatus to) {
        super("An intake session cannot go from " + from + " to " + to, null, false, false);
        this.from = from;
        this.to = to;
    }

    public IntakeSessionStatus from() {
        return from;
    }

    public IntakeSessionStatus to() {
        return to;
    }
}
