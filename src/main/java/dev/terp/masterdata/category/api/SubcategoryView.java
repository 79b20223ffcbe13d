package dev.terp.masterdata.category.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.category.Subcategory;

@Schema(name = "Subcategory")
public record SubcategoryView(
        long id,
        long categoryId,
        String name,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static SubcategoryView of(Subcategory subcategory) {
        return new SubcategoryView(subcategory.id(), subcategory.categoryId(), subcategory.name(),
                subcategory.description(), subcategory.active(), subcategory.version(), subcategory.createdAt(),
                subcategory.updatedAt());
    }
}
