package dev.terp.platform.errors;

import java.util.List;

public class ValidationException extends ApiException {

    public ValidationException(List<FieldViolation> violations) {
        super(ErrorCode.VALIDATION_FAILED, describe(violations), violations);
    }

    public static ValidationException of(String field, String message) {
        return new ValidationException(List.of(new FieldViolation(field, message)));
    }

    private static String describe(List<FieldViolation> violations) {
        return violations.size() == 1
                ? "1 field is invalid"
                : violations.size() + " fields are invalid";
    }
}
