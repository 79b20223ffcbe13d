package dev.terp.support;

/**
 * A batch made by {@link TestBatches}; {@code tag} is the unique part of every name of it ("{prefix} Vendor " + tag
 * ...; and of its code and SKU when inserted: "BCH-T" + tag, "TEST-" + tag). {@code locationId} is where a received
 * batch's stock went; null for an inserted one, which has no location row.
 */
public record TestBatch(long id, long vendorId, long categoryId, long productId, long lotId, String tag, String code,
        String sku, String productName, Long locationId) {
}
