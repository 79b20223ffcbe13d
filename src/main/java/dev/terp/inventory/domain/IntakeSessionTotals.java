package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

import dev.terp.domain.Rounding;

/**
 * The money of an intake session: a line costs received quantity × unit cost (scale 4), rounded to cents once per
 * line by the one policy ({@link Rounding}), and the session's total is the sum of its lines' rounded costs, so the
 * total always equals what the lines show. The balance is what remains to be paid. Pure BigDecimal arithmetic.
 */
public final class IntakeSessionTotals {

    public static final int MONEY_SCALE = Rounding.MONEY_SCALE;

    private IntakeSessionTotals() {
    }

    public static BigDecimal lineTotal(BigDecimal receivedQty, BigDecimal unitCost) {
        if (receivedQty == null || unitCost == null) {
            throw new IllegalArgumentException("A line needs a quantity and a unit cost");
        }
        if (receivedQty.signum() <= 0) {
            throw new IllegalArgumentException("A received quantity must be greater than 0: " + receivedQty);
        }
        if (unitCost.signum() < 0) {
            throw new IllegalArgumentException("A unit cost cannot be negative: " + unitCost);
        }
        return Rounding.money(receivedQty.multiply(unitCost));
    }

    public static BigDecimal sessionTotal(Collection<BigDecimal> lineTotals) {
        return lineTotals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(MONEY_SCALE,
                RoundingMode.UNNECESSARY);
    }

    /** Negative when more was paid than received (a credit owed back), never clipped. */
    public static BigDecimal balance(BigDecimal total, BigDecimal amountPaid) {
        return total.subtract(amountPaid).setScale(MONEY_SCALE, RoundingMode.UNNECESSARY);
    }
}
