package dev.terp.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding policy for money and quantities (api-conventions §1), shared by every module: plain Java, no
 * module and no platform class, so inventory, sales and accounting all compute the same cents.
 * <ul>
 *   <li><b>Amounts</b> (line totals, totals, revenue, cost, profit, stock value, corrections): scale 2.</li>
 *   <li><b>Unit costs</b> entered per unit (an intake-session line's unit cost): scale 4, as TERP kept them, because
 *       vendors price small units in fractions of a cent. Batch COGS settings and sale prices are still scale-2
 *       columns; they are unit costs too and may widen to 4 without changing this policy.</li>
 *   <li><b>Quantities</b>: scale 4. Sums and differences of scale-4 quantities are exact and never round.</li>
 *   <li><b>Percentages</b> (margins): scale 2.</li>
 *   <li><b>Mode</b>: every computed figure rounds {@link RoundingMode#HALF_UP} (half away from zero), once, at the
 *       end: sums are taken exactly and rounded once per total, never per term. HALF_UP is what a vendor's bill, an
 *       invoice or a person with a calculator shows, and what MySQL/MariaDB {@code ROUND()} does on exact DECIMAL
 *       values, so a figure aggregated in SQL and the same figure computed here agree to the cent. The upward bias
 *       HALF_EVEN would avoid only matters when many rounded terms are added up, which rounding once forbids.</li>
 *   <li>Inputs are never rounded: a value with more decimals than its scale is refused at the API edge (400).</li>
 * </ul>
 */
public final class Rounding {

    public static final RoundingMode MODE = RoundingMode.HALF_UP;
    public static final int MONEY_SCALE = 2;
    public static final int UNIT_COST_SCALE = 4;
    public static final int QUANTITY_SCALE = 4;
    public static final int PERCENT_SCALE = 2;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Rounding() {
    }

    /** An exact amount rounded to cents. */
    public static BigDecimal money(BigDecimal exact) {
        return exact.setScale(MONEY_SCALE, MODE);
    }

    /** An exact unit cost rounded to scale 4. */
    public static BigDecimal unitCost(BigDecimal exact) {
        return exact.setScale(UNIT_COST_SCALE, MODE);
    }

    /** An exact quantity rounded to scale 4. */
    public static BigDecimal quantity(BigDecimal exact) {
        return exact.setScale(QUANTITY_SCALE, MODE);
    }

    /** dividend / divisor as an amount (an average price, a midpoint); the divisor must not be 0. */
    public static BigDecimal moneyQuotient(BigDecimal dividend, BigDecimal divisor) {
        return dividend.divide(divisor, MONEY_SCALE, MODE);
    }

    /** part / whole × 100, scale 2; the whole must not be 0. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return part.multiply(HUNDRED).divide(whole, PERCENT_SCALE, MODE);
    }
}
