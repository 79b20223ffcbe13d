package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a batch's on-hand sits. The invariant: for a batch that has location rows, their quantities add up to its
 * on-hand. A batch without any location row is unplaced (created before locations were tracked, or by a path that
 * does not place stock) and is left alone: there is nothing to keep in step.
 *
 * <p>The rule for stock changes that do not name a location (adjustments, disposals, sales, samples): a decrease
 * takes from the location holding the most first, then the next, ties broken by the lower location id; an increase
 * goes to the location holding the most (ties: lower id). Deterministic, and it empties small remnants last, which
 * matches how a counted shortfall is usually found in the main bin.
 */
public final class LocationStock {

    private LocationStock() {
    }

    /**
     * One location's share of a batch's on-hand; never more than {@link Quantities#MAX}, so an increase or transfer
     * that would overflow the column is refused with {@link InvalidQuantity}.
     */
    public record Slot(long locationId, BigDecimal quantity) {

        public Slot {
            if (quantity == null || quantity.signum() < 0) {
                throw new IllegalArgumentException("A location cannot hold " + quantity);
            }
            quantity = Quantities.requireStorable(Quantities.requireScale(quantity),
                    "the quantity at location " + locationId);
        }
    }

    /** The quantities of both sides after a transfer. */
    public record Transfer(Slot from, Slot to) {
    }

    private static final Comparator<Slot> MOST_FIRST = Comparator.comparing(Slot::quantity).reversed()
            .thenComparingLong(Slot::locationId);

    /**
     * Spreads a signed on-hand change over the slots by the rule above and answers the slots that changed, in
     * ascending location id. No slots: nothing to change (unplaced batch). A decrease larger than the slots hold means
     * the invariant was already broken; it is refused rather than hidden.
     */
    public static List<Slot> applyOnHandChange(List<Slot> slots, BigDecimal delta) {
        BigDecimal change = Quantities.requireScale(delta);
        if (slots.isEmpty() || change.signum() == 0) {
            return List.of();
        }
        List<Slot> ordered = slots.stream().sorted(MOST_FIRST).toList();
        List<Slot> changed = new ArrayList<>();
        if (change.signum() > 0) {
            Slot target = ordered.get(0);
            changed.add(new Slot(target.locationId(), target.quantity().add(change)));
        } else {
            BigDecimal remaining = change.negate();
            BigDecimal total = slots.stream().map(Slot::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (remaining.compareTo(total) > 0) {
                throw new InsufficientInventory("has " + Quantities.format(total) + " across its locations, "
                        + Quantities.format(remaining) + " to remove");
            }
            for (Slot slot : ordered) {
                if (remaining.signum() == 0) {
                    break;
                }
                if (slot.quantity().signum() == 0) {
                    continue;
                }
                BigDecimal taken = slot.quantity().min(remaining);
                changed.add(new Slot(slot.locationId(), slot.quantity().subtract(taken)));
                remaining = remaining.subtract(taken);
            }
        }
        return changed.stream().sorted(Comparator.comparingLong(Slot::locationId)).toList();
    }

    /**
     * What a location holds over all batches, against its capacity (null = unlimited). Capacity is checked only when
     * units are added: removing never fails for capacity, and a location over a lowered capacity keeps its stock but
     * accepts nothing more until it drains below.
     */
    public record Occupancy(BigDecimal capacity, BigDecimal held) {

        public void requireRoomFor(BigDecimal added) {
            if (capacity == null || added.signum() <= 0) {
                return;
            }
            if (held.add(added).compareTo(capacity) > 0) {
                throw new LocationFull("holds " + Quantities.format(held) + " of " + Quantities.format(capacity)
                        + "; " + Quantities.format(added) + " more do not fit");
            }
        }
    }

    /**
     * Moves {@code quantity} between two locations of one batch; on-hand does not change. Same location: invalid.
     * More than the source holds: refused.
     */
    public static Transfer transfer(Slot from, Slot to, BigDecimal quantity) {
        if (from.locationId() == to.locationId()) {
            throw new InvalidQuantity("cannot be moved to the location it is in");
        }
        BigDecimal q = Quantities.requirePositive(quantity);
        if (q.compareTo(from.quantity()) > 0) {
            throw new InsufficientInventory("has " + Quantities.format(from.quantity()) + " at location "
                    + from.locationId() + ", " + Quantities.format(q) + " requested");
        }
        return new Transfer(new Slot(from.locationId(), from.quantity().subtract(q)),
                new Slot(to.locationId(), to.quantity().add(q)));
    }
}
