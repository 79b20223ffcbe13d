package dev.terp.platform.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects field violations so a validator reports every bad field at once (one VALIDATION_FAILED answer) instead of
 * stopping at the first. Checks that report by throwing {@link ValidationException} (such as {@code Decimals}) run
 * through {@link #collect}, which records what they reported and carries on.
 */
public final class Violations {

    private final List<FieldViolation> violations = new ArrayList<>();

    public void add(String field, String message) {
        violations.add(new FieldViolation(field, message));
    }

    /** The check's value, or {@code null} when it threw a {@link ValidationException} (its violations are kept). */
    public <T> T collect(Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }

    public boolean isEmpty() {
        return violations.isEmpty();
    }

    /** What was collected so far, in the order it was found. */
    public List<FieldViolation> list() {
        return List.copyOf(violations);
    }

    /** Throws one {@link ValidationException} with everything collected; does nothing when nothing was. */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw new ValidationException(List.copyOf(violations));
        }
    }
}
