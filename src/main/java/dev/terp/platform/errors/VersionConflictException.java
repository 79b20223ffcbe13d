package dev.terp.platform.errors;

public class VersionConflictException extends ApiException {

    public static final String DETAIL = "Record was modified by another user. Please refresh and try again.";

    public VersionConflictException() {
        super(ErrorCode.VERSION_CONFLICT, DETAIL);
    }
}
