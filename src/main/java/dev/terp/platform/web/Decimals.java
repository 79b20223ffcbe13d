package dev.terp.platform.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

import dev.terp.platform.errors.ValidationException;

/**
 * Money and quantities at the API edge (api-conventions §1): requests carry them as JSON strings or numbers read
 * into {@link BigDecimal}; a value with more decimals than its scale is refused with 400, never rounded; responses
 * always send strings with the fixed scale ({@code "3.5000"}, {@code "12.50"}).
 */
public final class Decimals {

    /**
     * The scales of the one rounding policy ({@code dev.terp.domain.Rounding}, which the platform may not import;
     * a test keeps the two equal): quantities 4, amounts 2, unit costs 4.
     */
    public static final int QUANTITY_SCALE = 4;
    public static final int MONEY_SCALE = 2;
    public static final int UNIT_COST_SCALE = 4;
    /** DECIMAL(15, x) columns: the integer digits that fit. */
    public static final int QUANTITY_INTEGER_DIGITS = 11;
    public static final int MONEY_INTEGER_DIGITS = 13;
    public static final int UNIT_COST_INTEGER_DIGITS = 11;
    /**
     * The longest decimal text a request may carry (DecimalInputModule), documented as maxLength: any value that
     * fits a DECIMAL(15, x) column is at most 17 characters, so 32 leaves room for harmless trailing zeros.
     */
    public static final int MAX_INPUT_LENGTH = 32;

    private Decimals() {
    }

    /** A quantity greater than zero. */
    public static BigDecimal positiveQuantity(String field, BigDecimal value) {
        BigDecimal quantity = quantity(field, value);
        if (quantity.signum() <= 0) {
            throw ValidationException.of(field, "must be greater than 0");
        }
        return quantity;
    }

    /** A quantity of any sign (a relative adjustment), at most four decimals, in range. */
    public static BigDecimal quantity(String field, BigDecimal value) {
        return scaled(field, value, QUANTITY_SCALE, QUANTITY_INTEGER_DIGITS);
    }

    public static BigDecimal money(String field, BigDecimal value) {
        return scaled(field, value, MONEY_SCALE, MONEY_INTEGER_DIGITS);
    }

    /** Money of at least zero (a price, a cost), at most two decimals, in range. */
    public static BigDecimal nonNegativeMoney(String field, BigDecimal value) {
        BigDecimal money = money(field, value);
        if (money.signum() < 0) {
            throw ValidationException.of(field, "must not be negative");
        }
        return money;
    }

    /** A unit cost of at least zero, at most four decimals (DECIMAL(15,4)), in range. */
    public static BigDecimal nonNegativeUnitCost(String field, BigDecimal value) {
        BigDecimal cost = scaled(field, value, UNIT_COST_SCALE, UNIT_COST_INTEGER_DIGITS);
        if (cost.signum() < 0) {
            throw ValidationException.of(field, "must not be negative");
        }
        return cost;
    }

    public static String formatUnitCost(BigDecimal value) {
        return value == null ? null : value.setScale(UNIT_COST_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static String formatQuantity(BigDecimal value) {
        return value == null ? null : value.setScale(QUANTITY_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    public static String formatMoney(BigDecimal value) {
        return value == null ? null : value.setScale(MONEY_SCALE, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static BigDecimal scaled(String field, BigDecimal value, int scale, int integerDigits) {
        if (value == null) {
            throw ValidationException.of(field, "is required");
        }
        // Trailing zeros ("1.50000") carry no extra precision, so only significant decimals count.
        BigDecimal significant = value.stripTrailingZeros();
        if (significant.scale() > scale) {
            throw ValidationException.of(field, "must have at most " + scale + " decimals");
        }
        BigDecimal result = value.setScale(scale, RoundingMode.UNNECESSARY);
        if (result.precision() - result.scale() > integerDigits) {
            throw ValidationException.of(field, "must have at most " + integerDigits + " digits before the point");
        }
        return result;
    }
}
