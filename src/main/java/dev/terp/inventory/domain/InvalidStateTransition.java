package dev.terp.inventory.domain;

/** A batch status change the lifecycle (domain §4.2) does not allow. */
public class InvalidStateTransition extends RuntimeException {

    private final BatchStatus from;
    private final BatchStatus to;

    public InvalidStateTransition(BatchStatus from, BatchStatus to) {
        super("A batch cannot go from " + from + " to " + to, null, false, false);
        this.from = from;
        this.to = to;
    }

    public BatchStatus from() {
        return from;
    }

    public BatchStatus to() {
        return to;
    }
}
