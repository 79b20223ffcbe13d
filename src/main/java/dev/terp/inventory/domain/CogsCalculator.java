package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Unit cost of goods sold of a batch (domain §4.3), plain Java.
 * <ul>
 *   <li>Cost basis: FIXED → {@code unitCogs}; RANGE → midpoint {@code (min + max) / 2}.</li>
 *   <li>Client adjustment — ONE rule, the order path's (D-13 resolved; the accounting helper's opposite sign is not
 *       reproduced): NONE; PERCENTAGE → cost × (1 − value/100), a discount on cost; FIXED_AMOUNT → cost − value.
 *       Then, for RANGE batches only, the result is clamped to [min, max]; finally it is floored at 0.</li>
 *   <li>Rounding: every money result has scale 2, rounded HALF_EVEN (banker's rounding, so rounding a midpoint
 *       such as 10.005 does not bias costs upwards over many batches).</li>
 * </ul>
 * Inputs are refused with {@link IllegalArgumentException}: missing values for the mode, negative money, an inverted
 * range (min &gt; max), a negative adjustment value.
 */
public final class CogsCalculator {

    public static final int MONEY_SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

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

    /** FIXED → unitCogs; RANGE → (min + max) / 2, scale 2 HALF_EVEN. */
    public static BigDecimal unitCostBasis(Basis basis) {
        if (basis.mode() == Mode.FIXED) {
            return money(basis.unitCogs());
        }
        return basis.min().add(basis.max()).divide(BigDecimal.valueOf(2), MONEY_SCALE, ROUNDING);
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

    /** margin / price × 100, scale 2 HALF_EVEN; 0 when the price is 0. */
    public static BigDecimal marginPercent(BigDecimal price, BigDecimal cost) {
        if (price.signum() == 0) {
            return BigDecimal.ZERO.setScale(MONEY_SCALE);
        }
        return price.subtract(cost).multiply(HUNDRED).divide(price, MONEY_SCALE, ROUNDING);
    }

    private static BigDecimal money(BigDecimal value) {
        return value.setScale(MONEY_SCALE, ROUNDING);
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
