package dev.terp.inventory.view.api;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.domain.BatchStatus;

/**
 * The filters a saved view stores, as the OpenAPI document describes them: the batch list's own query parameters
 * ({@code BatchFilter.KEYS}, checked by {@code ViewFilters}). The API carries them as a JSON object; this record
 * only gives that object a named, bounded schema.
 */
@Schema(name = "BatchListFilters", description = "Batch-list filters; any other key is a 400",
        additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record BatchListFilters(
        @Schema(description = "Batch status") BatchStatus status,
        @Schema(minimum = "1") Long productId,
        @Schema(minimum = "1") Long vendorId,
        @Schema(minimum = "1") Long gradeId,
        @Schema(minimum = "1") Long categoryId,
        @Schema(description = "Free text, trimmed", maxLength = 100) String q) {
}
