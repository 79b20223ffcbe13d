package dev.terp.platform.errors;

import java.util.List;

/**
 * A failure the client can act on. Services throw (or emit) subclasses; the problem translator turns them into
 * problem+json. Handlers never build error bodies themselves.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<FieldViolation> violations;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<FieldViolation> violations) {
        this(code, detail, violations, null);
    }

    /** With the underlying failure, for the log; it never reaches the client. */
    public ApiException(ErrorCode code, String detail, List<FieldViolation> violations, Throwable cause) {
        // No stack trace: these are expected outcomes, thrown often, and the translator logs the cause if any.
        super(detail, cause, false, false);
        this.code = code;
        this.violations = List.copyOf(violations);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
