package dev.terp.masterdata.category;

import java.time.Instant;

/** A product category (Flower, Edibles, ...); products refer to it by id, so a rename reaches every product. */
public record Category(
        long id,
        String name,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
