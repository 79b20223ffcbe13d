package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.terp.domain.Rounding;

/**
 * Unit cost of goods sold of a batch (domain §4.3), plain Java.
 * <ul>
 *   <li>Cost basis: FIXED → {@code unitCogs}; RANGE → midpoint {@code (min + max) / 2}.</li>
 *   <li>Client adjustment — ONE rule, the order path's (D-13 resolved; the accounting helper's opposite sign is not
 *       reproduced): NONE; PERCENTAGE → cost × (1 − value/100), a discount on cost; FIXED_AMOUNT → cost − value.
 *       Then, for RANGE batches only, the result is clamped to [min, max]; finally it is floored at 0.</li>
 *   <li>Rounding: every money result has scale 2, rounded by the one policy, {@link Rounding} (HALF_UP: a
 *       midpoint of 10.005 is 10.01).</li>
 * </ul>
 * Inputs are refused with {@link IllegalArgumentException}: missing values for the mode, negative money, an inverted
 * range (min &gt; max), a negative adjustment value.
 */
public final class CogsCalculator {

    /** {@link Rounding#MONEY_SCALE}, kept for callers that already name it here. */
    public static final int MONEY_SCALE = Rounding.MONEY_SCALE;
    /** {@link Rounding#MODE}, kept for callers that already name it here. */
    public static final RoundingMode ROUNDING = Rounding.MODE;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    public enum Mode { FIXED, RANGE }

    public enum AdjustmentType { NONE, PERCENTAGE, FIXED_AMOUNT }

    public enum Source { FIXED, MIDPOINT, CLIENT_ADJUSTMENT }

    /** A batch's COGS settings; {@code unitCogs} for FIXED, {@code min}/{@code max} for RANGE. */
    public record Basis(Mode mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max) {

        public Basis {
            if (mode == null) {
                throw new IllegalArgumentException("mode is required");
            }
            if (mode == Mode.FIXED) {
                requireMoney("unitCogs", unitCogs);
            } else {
                requireMoney("min", min);
                requireMoney("max", max);
                if (min.compareTo(max) > 0) {
                    throw new IllegalArgumentException("inverted range: min " + min + " > max " + max);
                }
            }
        }

        public static Basis fixed(BigDecimal unitCogs) {
            return new Basis(Mode.FIXED, unitCogs, null, null);
        }

        public static Basis range(BigDecimal min, BigDecimal max) {
            return new Basis(Mode.RANGE, null, min, max);
        }
    }

    /** A client's COGS adjustment ({@code clients.cogs_adjustment_type/value}). */
    public record Adjustment(AdjustmentType type, BigDecimal value) {

        public static final Adjustment NONE = new Adjustment(AdjustmentType.NONE, BigDecimal.ZERO);

        public Adjustment {
            if (type == null) {
                throw new IllegalArgumentException("adjustment type is required");
            }
            if (type != AdjustmentType.NONE) {
                requireMoney("adjustment value", value);
            }
        }

        public static Adjustment percentage(BigDecimal value) {
            return new Adjustment(AdjustmentType.PERCENTAGE, value);
        }

        public static Adjustment fixedAmount(BigDecimal value) {
            return new Adjustment(AdjustmentType.FIXED_AMOUNT, value);
        }
    }

    /** The unit cost and where it came from. */
    public record Result(BigDecimal unitCogs, Source source) {
    }

    private CogsCalculator() {
    }

    /** FIXED → unitCogs; RANGE → (min + max) / 2, scale 2 by {@link Rounding}. */
    public static BigDecimal unitCostBasis(Basis basis) {
        if (basis.mode() == Mode.FIXED) {
            return money(basis.unitCogs());
        }
        return Rounding.moneyQuotient(basis.min().add(basis.max()), TWO);
    }

    public static Result unitCogs(Basis basis) {
        return unitCogs(basis, Adjustment.NONE);
    }

    /** The cost basis with the client adjustment applied, clamped (RANGE) and floored at 0. */
    public static Result unitCogs(Basis basis, Adjustment adjustment) {
        BigDecimal cost = unitCostBasis(basis);
        Source source = basis.mode() == Mode.FIXED ? Source.FIXED : Source.MIDPOINT;
        if (adjustment != null && adjustment.type() != AdjustmentType.NONE) {
            BigDecimal value = adjustment.value();
            cost = adjustment.type() == AdjustmentType.PERCENTAGE
                    ? cost.multiply(BigDecimal.ONE.subtract(value.divide(HUNDRED)))
                    : cost.subtract(value);
            source = Source.CLIENT_ADJUSTMENT;
            if (basis.mode() == Mode.RANGE) {
                cost = cost.max(basis.min()).min(basis.max());
            }
        }
        if (cost.signum() < 0) {
            cost = BigDecimal.ZERO;
        }
        return new Result(money(cost), source);
    }

    /** price − cost, scale 2. */
    public static BigDecimal unitMargin(BigDecimal price, BigDecimal cost) {
        return money(price.subtract(cost));
    }

    /** margin / price × 100, scale 2 by {@link Rounding}; 0 when the price is 0. */
    public static BigDecimal marginPercent(BigDecimal price, BigDecimal cost) {
        if (price.signum() == 0) {
            return BigDecimal.ZERO.setScale(Rounding.PERCENT_SCALE);
        }
        return Rounding.percent(price.subtract(cost), price);
    }

    private static BigDecimal money(BigDecimal value) {
        return Rounding.money(value);
    }

    private static void requireMoney(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
