package dev.terp.inventory.batch.api;

import java.time.Instant;

import dev.terp.inventory.batch.Reservation;
import dev.terp.platform.web.Decimals;

/** What one holder holds of a batch. */
public record ReservationView(long batchId, String holderType, long holderId, String quantity, long reservedBy,
        Instant createdAt, Instant updatedAt) {

    public static ReservationView of(Reservation reservation) {
        return new ReservationView(reservation.batchId(), reservation.holder().referenceType(),
                reservation.holder().referenceId(), Decimals.formatQuantity(reservation.quantity()),
                reservation.reservedBy(), reservation.createdAt(), reservation.updatedAt());
    }
}
