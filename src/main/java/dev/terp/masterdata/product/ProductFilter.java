package dev.terp.masterdata.product;

import dev.terp.masterdata.product.domain.ProductNames;

/** The filters of the product list; every one is optional (null). */
public record ProductFilter(String q, Long brandId, Long categoryId, Long strainId, Boolean active) {

    /** {@code q} in canonical form, or null when there is no q or it holds no letter or digit. */
    String qCanonical() {
        if (q == null) {
            return null;
        }
        String canonical = ProductNames.canonical(q);
        return canonical.isEmpty() ? null : canonical;
    }
}
