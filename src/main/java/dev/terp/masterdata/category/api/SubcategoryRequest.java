package dev.terp.masterdata.category.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.category.Subcategory;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/categories/{id}/subcategories} and {@code PUT /api/v1/subcategories/{id}}. The
 * category comes from the path on create and never changes: products hold both ids, so moving a subcategory would
 * leave them pointing at a pair that no longer belongs together.
 */
@Schema(name = "SubcategoryRequest")
public record SubcategoryRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Subcategory> {

    public Subcategory in(long categoryId) {
        return new Subcategory(null, categoryId, name.trim(), Texts.blankToNull(description), true, null, null, null);
    }

    @Override
    public Subcategory applyTo(Subcategory current) {
        return new Subcategory(current.id(), current.categoryId(), name.trim(), Texts.blankToNull(description),
                current.active(), current.version(), current.createdAt(), current.updatedAt());
    }
}
