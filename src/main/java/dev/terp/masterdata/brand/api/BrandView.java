package dev.terp.masterdata.brand.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.brand.Brand;

@Schema(name = "Brand")
public record BrandView(
        long id,
        String name,
        Long vendorId,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static BrandView of(Brand brand) {
        return new BrandView(brand.id(), brand.name(), brand.vendorId(), brand.description(), brand.active(),
                brand.version(), brand.createdAt(), brand.updatedAt());
    }
}
