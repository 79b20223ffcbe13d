package dev.terp.inventory.view;

import java.time.Instant;

/** A saved batch-list filter; {@code filters} is the stored JSON object. */
record InventoryView(long id, String name, String filters, boolean shared, long ownerId, long version,
        Instant createdAt, Instant updatedAt) {
}
