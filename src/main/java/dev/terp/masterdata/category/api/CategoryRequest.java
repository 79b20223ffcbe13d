package dev.terp.masterdata.category.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.category.Category;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/categories} and {@code PUT /api/v1/categories/{id}}. A PUT replaces every field (an
 * absent description is cleared) and must name the version it was based on (here or in If-Match).
 */
@Schema(name = "CategoryRequest")
public record CategoryRequest(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Category> {

    @Override
    public Category applyTo(Category current) {
        Category base = current == null ? Category.NEW : current;
        return new Category(base.id(), name.trim(), Texts.blankToNull(description), base.active(), base.version(),
                base.createdAt(), base.updatedAt());
    }
}
