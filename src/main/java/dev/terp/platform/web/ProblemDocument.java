package dev.terp.platform.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.platform.errors.FieldViolation;

/**
 * The problem+json body, for the OpenAPI document; {@link ProblemTranslator} writes the real thing and keeps it
 * within the bounds declared here ({@link #bounded}), since detail, instance and field names can echo client input.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (api-conventions §3)")
public record ProblemDocument(
        @Schema(example = "https://terp.dev/problems/version-conflict", maxLength = 200) String type,
        @Schema(example = "Version conflict", maxLength = 200) String title,
        @Schema(example = "409", minimum = "400", maximum = "599") int status,
        @Schema(example = "Record was modified by another user. Please refresh and try again.",
                maxLength = MAX_DETAIL) String detail,
        @Schema(example = "/api/v1/vendors/7", maxLength = MAX_INSTANCE) String instance,
        @Schema(example = "VERSION_CONFLICT", maxLength = 100) String code,
        @Schema(example = "6f1c2a9d0b7e4c1f", maxLength = 64) String traceId,
        @ArraySchema(maxItems = MAX_ERRORS, schema = @Schema(implementation = Violation.class))
        List<FieldViolation> errors) {

    static final int MAX_DETAIL = 2000;
    /** The request path: Netty refuses request lines over 4096 bytes before we see them. */
    static final int MAX_INSTANCE = 4096;
    static final int MAX_ERRORS = 1000;
    static final int MAX_FIELD = 500;
    static final int MAX_MESSAGE = 1000;

    @Schema(name = "FieldViolation", description = "One invalid field of the request")
    record Violation(@Schema(example = "items[0].quantity", maxLength = MAX_FIELD) String field,
            @Schema(example = "must be greater than 0", maxLength = MAX_MESSAGE) String message) {
    }

    static String bounded(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** At most {@link #MAX_ERRORS} violations, each within its bounds; a longer list ends with a note saying so. */
    static List<FieldViolation> bounded(List<FieldViolation> violations) {
        List<FieldViolation> kept = violations.size() <= MAX_ERRORS ? violations
                : violations.subList(0, MAX_ERRORS - 1);
        List<FieldViolation> shown = kept.stream().map(violation -> new FieldViolation(
                bounded(violation.field(), MAX_FIELD), bounded(violation.message(), MAX_MESSAGE))).toList();
        if (kept.size() == violations.size()) {
            return shown;
        }
        return java.util.stream.Stream.concat(shown.stream(), java.util.stream.Stream.of(new FieldViolation("",
                (violations.size() - kept.size()) + " more invalid fields not listed"))).toList();
    }
}
