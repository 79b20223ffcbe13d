package dev.terp.platform.errors;

/** A state machine refused a move, e.g. a CLOSED batch going back to LIVE. */
public class InvalidStateTransitionException extends ApiException {

    public InvalidStateTransitionException(String detail) {
        super(ErrorCode.INVALID_STATE_TRANSITION, detail);
    }
}
