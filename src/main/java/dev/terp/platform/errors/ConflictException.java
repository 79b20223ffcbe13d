package dev.terp.platform.errors;

/** The request is valid but collides with the current state (a duplicate name, a record still in use). */
public class ConflictException extends ApiException {

    public ConflictException(String detail) {
        super(ErrorCode.CONFLICT, detail);
    }
}
