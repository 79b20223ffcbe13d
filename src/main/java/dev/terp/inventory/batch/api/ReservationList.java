package dev.terp.inventory.batch.api;

import java.util.List;

/** Every holder of a batch's reservations, ordered by holder type and id. */
public record ReservationList(List<ReservationView> items) {
}
