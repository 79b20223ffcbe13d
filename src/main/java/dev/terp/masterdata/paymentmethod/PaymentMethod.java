package dev.terp.masterdata.paymentmethod;

import java.time.Instant;

/** A way a client can pay (CASH, WIRE, ...); {@code code} is the stable upper-case key other records use. */
public record PaymentMethod(
        long id,
        String code,
        String name,
        String description,
        int sortOrder,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
