package dev.terp.masterdata.product;

/**
 * What a client may set on a product, already validated and with the name in canonical form; the references are
 * checked by the service.
 */
public record ProductDetails(
        long brandId,
        Long strainId,
        String nameCanonical,
        long categoryId,
        Long subcategoryId,
        String uomSellable,
        String description) {
}
