package dev.terp.inventory.batch;

import dev.terp.inventory.domain.BatchStatus;

/**
 * The filters of the batch list; every one is optional (null = not filtered). Public because saved inventory views
 * store exactly these keys.
 */
public record BatchFilter(BatchStatus status, Long productId, Long vendorId, Long gradeId, Long categoryId,
        String q) {

    /** The query-parameter names, which are also the keys a saved view may store. */
    public static final java.util.Set<String> KEYS = java.util.Set.of("status", "productId", "vendorId", "gradeId",
            "categoryId", "q");
}
