package dev.terp.masterdata.vendor.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.vendor.Vendor;

@Schema(name = "Vendor")
public record VendorView(
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

    public static VendorView of(Vendor vendor) {
        return new VendorView(vendor.id(), vendor.name(), vendor.contactName(), vendor.contactEmail(),
                vendor.contactPhone(), vendor.notes(), vendor.active(), vendor.version(), vendor.createdAt(),
                vendor.updatedAt());
    }
}
