package dev.terp.platform.web;

import java.util.List;

import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.FieldViolation;

/** What the problem translator decided to answer for a failure; {@code internal} marks failures we must log with stack. */
record Problem(ErrorCode code, String detail, List<FieldViolation> violations, boolean internal) {

    static Problem of(ErrorCode code, String detail) {
        return new Problem(code, detail, List.of(), false);
    }

    static Problem internal(ErrorCode code, String detail) {
        return new Problem(code, detail, List.of(), true);
    }
}
