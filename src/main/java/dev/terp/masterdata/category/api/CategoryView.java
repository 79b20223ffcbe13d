package dev.terp.masterdata.category.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.category.Category;
import dev.terp.masterdata.category.CategoryService;
import dev.terp.masterdata.category.Subcategory;

@Schema(name = "Category")
public record CategoryView(
        long id,
        String name,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @ArraySchema(maxItems = CategoryService.MAX_SUBCATEGORIES, arraySchema = @Schema(description = "All "
                + "subcategories of the category, active or not, ordered by id (a category holds at most "
                + CategoryService.MAX_SUBCATEGORIES + ")"))
        List<Subcategory> subcategories) {

    public static CategoryView of(Category category, List<Subcategory> subcategories) {
        return new CategoryView(category.id(), category.name(), category.description(), category.active(),
                category.version(), category.createdAt(), category.updatedAt(), List.copyOf(subcategories));
    }
}
