package dev.terp.inventory.batch.api;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Positive;

/**
 * The descriptive fields of a batch a user may correct after intake. A PUT replaces both: an absent field is cleared.
 * Version (or If-Match) is the batch version the client saw; stock changes bump it too, so a correction based on a
 * stale read is refused rather than silently applied.
 */
@Schema(name = "BatchDetailsRequest")
public record BatchDetailsRequest(
        @Positive @Schema(nullable = true, description = "An existing grade; absent = no grade") Long gradeId,
        @Schema(nullable = true, description = "YYYY-MM-DD; absent = does not expire") LocalDate expirationDate,
        @Schema(description = "Batch version; may be sent as If-Match instead") Long version) {
}
