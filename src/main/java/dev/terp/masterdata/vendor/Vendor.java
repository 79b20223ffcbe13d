package dev.terp.masterdata.vendor;

import java.time.Instant;

/** A supplier we buy inventory from. */
public record Vendor(
        long id,
        String name,
        String contactName,
        String contactEmail,
        String contactPhone,
        String notes,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
