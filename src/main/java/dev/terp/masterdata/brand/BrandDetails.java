package dev.terp.masterdata.brand;

/** What a client may set on a brand, already validated; {@code vendorId} is null for a brand of no known vendor. */
public record BrandDetails(String name, Long vendorId, String description) {
}
