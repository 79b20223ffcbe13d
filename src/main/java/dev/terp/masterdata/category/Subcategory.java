package dev.terp.masterdata.category;

import java.time.Instant;

/** A subdivision of one category (Flower: Indoor, Outdoor, ...). It never moves to another category. */
public record Subcategory(
        long id,
        long categoryId,
        String name,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
