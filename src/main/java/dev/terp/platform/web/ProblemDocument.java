package dev.terp.platform.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.platform.errors.FieldViolation;

/** The problem+json body, for the OpenAPI document only; {@link ProblemTranslator} writes the real thing. */
@Schema(name = "Problem", description = "RFC 9457 problem details (api-conventions §3)")
public record ProblemDocument(
        @Schema(example = "https://terp.dev/problems/version-conflict") String type,
        @Schema(example = "Version conflict") String title,
        @Schema(example = "409") int status,
        @Schema(example = "Record was modified by another user. Please refresh and try again.") String detail,
        @Schema(example = "/api/v1/vendors/7") String instance,
        @Schema(example = "VERSION_CONFLICT") String code,
        @Schema(example = "6f1c2a9d0b7e4c1f") String traceId,
        List<FieldViolation> errors) {
}
