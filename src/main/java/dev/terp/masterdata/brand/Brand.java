package dev.terp.masterdata.brand;

import java.time.Instant;

/** A label products are sold under; optionally tied to the vendor that supplies it. */
public record Brand(
        long id,
        String name,
        Long vendorId,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
