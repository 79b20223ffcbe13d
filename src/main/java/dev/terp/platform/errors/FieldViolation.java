package dev.terp.platform.errors;

/** One invalid field of a request, reported in the problem's {@code errors[]}. */
public record FieldViolation(String field, String message) {
}
