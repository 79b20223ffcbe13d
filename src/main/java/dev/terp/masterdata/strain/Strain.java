package dev.terp.masterdata.strain;

import java.time.Instant;
import java.util.List;

import dev.terp.masterdata.strain.domain.StrainCategory;

/** A cannabis strain products may name; {@code standardizedName} is its unique key. */
public record Strain(
        long id,
        String name,
        String standardizedName,
        StrainCategory category,
        List<String> aliases,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
