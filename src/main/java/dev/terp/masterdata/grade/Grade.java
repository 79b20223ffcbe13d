package dev.terp.masterdata.grade;

import java.time.Instant;

/** A quality grade a batch can carry (AAA, AA, ...); {@code sortOrder} ranks grades in pickers and reports. */
public record Grade(
        long id,
        String name,
        String description,
        int sortOrder,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
