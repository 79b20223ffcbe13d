package dev.terp.masterdata.product;

import java.time.Instant;

/**
 * A product of a brand, identified within the brand by its canonical name. The names of what it refers to are
 * read along with it, for display.
 */
public record Product(
        long id,
        long brandId,
        String brandName,
        Long strainId,
        String strainName,
        String nameCanonical,
        long categoryId,
        String categoryName,
        Long subcategoryId,
        String subcategoryName,
        String uomSellable,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
