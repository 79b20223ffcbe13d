package dev.terp.masterdata.category.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.category.Category;
import dev.terp.masterdata.category.CategoryTree;

@Schema(name = "Category")
public record CategoryView(
        long id,
        String name,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "All subcategories of the category, active or not, ordered by id")
        List<SubcategoryView> subcategories) {

    public static CategoryView of(CategoryTree tree) {
        Category category = tree.category();
        return new CategoryView(category.id(), category.name(), category.description(), category.active(),
                category.version(), category.createdAt(), category.updatedAt(),
                tree.subcategories().stream().map(SubcategoryView::of).toList());
    }
}
