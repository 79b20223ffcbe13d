package dev.terp.masterdata.category.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.category.CategoryDetails;
import dev.terp.platform.text.Texts;

/**
 * Body of {@code POST /api/v1/categories/{id}/subcategories} and {@code PUT /api/v1/subcategories/{id}}. The
 * category comes from the path on create and never changes: products hold both ids, so moving a subcategory would
 * leave them pointing at a pair that no longer belongs together.
 */
@Schema(name = "SubcategoryRequest")
public record SubcategoryRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version) {

    public CategoryDetails details() {
        return new CategoryDetails(name.trim(), Texts.blankToNull(description));
    }
}
