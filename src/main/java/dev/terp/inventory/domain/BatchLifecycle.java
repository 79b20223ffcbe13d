package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The status rules that depend on stock as well as on the lifecycle map of {@link BatchStatus}; the single and the
 * bulk status change both ask here, so they answer alike.
 * <ul>
 * <li>CLOSED is terminal: once closed, no stock may change. So only a batch whose every bucket is zero (on-hand,
 * reserved, quarantine, hold and the sample pool) can be closed; otherwise its samples or reservations would be
 * stranded for good.</li>
 * <li>SOLD_OUT means nothing is left to sell: a batch with available stock cannot be declared sold out (reserved,
 * quarantined or held units may remain: they are promised or set aside, not for sale).</li>
 * <li>A sale that empties on-hand moves a LIVE or PHOTOGRAPHY_COMPLETE batch to SOLD_OUT by itself. Reservations
 * alone never change the status: they can be released, and availability already shows that nothing is left.</li>
 * </ul>
 */
public final class BatchLifecycle {

    private BatchLifecycle() {
    }

    /** The status after the move; throws {@link InvalidStateTransition} saying why it is refused. */
    public static BatchStatus move(BatchStatus from, BatchStatus to, Quantities stock) {
        from.moveTo(to);
        if (from == to) {
            return to;
        }
        if (to == BatchStatus.CLOSED) {
            List<String> left = nonZeroBuckets(stock);
            if (!left.isEmpty()) {
                throw new InvalidStateTransition(from, to, "it still holds " + String.join(", ", left)
                        + "; only a batch with every bucket at zero can be closed");
            }
        }
        if (to == BatchStatus.SOLD_OUT && stock.available().signum() > 0) {
            throw new InvalidStateTransition(from, to, "it still has " + Quantities.format(stock.available())
                    + " available; only a batch with nothing left to sell is sold out");
        }
        return to;
    }

    /** Whether a sale that left {@code after} moves the batch to SOLD_OUT by itself. */
    public static boolean soldOutBySale(BatchStatus status, Quantities after) {
        return status.isSellable() && after.onHand().signum() == 0;
    }

    private static List<String> nonZeroBuckets(Quantities stock) {
        List<String> left = new ArrayList<>();
        add(left, stock.onHand(), "on hand");
        add(left, stock.reserved(), "reserved");
        add(left, stock.quarantine(), "in quarantine");
        add(left, stock.hold(), "on hold");
        add(left, stock.sample(), "in the sample pool");
        return left;
    }

    private static void add(List<String> left, BigDecimal quantity, String what) {
        if (quantity.signum() != 0) {
            left.add(Quantities.format(quantity) + " " + what);
        }
    }
}
