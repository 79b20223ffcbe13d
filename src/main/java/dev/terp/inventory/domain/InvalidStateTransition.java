package dev.terp.inventory.domain;

/** A batch status change the lifecycle (domain §4.2) does not allow, and why. */
public class InvalidStateTransition extends RuntimeException {

    private final BatchStatus from;
    private final BatchStatus to;
    private final String why;

    public InvalidStateTransition(BatchStatus from, BatchStatus to) {
        this(from, to, null);
    }

    public InvalidStateTransition(BatchStatus from, BatchStatus to, String why) {
        super("A batch cannot go from " + from + " to " + to + (why == null ? "" : ": " + why), null, false, false);
        this.from = from;
        this.to = to;
        this.why = why;
    }

    public BatchStatus from() {
        return from;
    }

    public BatchStatus to() {
        return to;
    }

    /** Why the move is refused beyond the lifecycle map (e.g. the stock the batch still holds), or null. */
    public String why() {
        return why;
    }

    /** "from A to B" plus the reason, for a detail that starts with the batch's name. */
    public String describe() {
        return "cannot go from " + from + " to " + to + (why == null ? "" : ": " + why);
    }
}
