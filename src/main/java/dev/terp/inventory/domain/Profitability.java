package dev.terp.inventory.domain;

import java.math.BigDecimal;

import dev.terp.domain.Rounding;

/**
 * Profit of sold stock (domain §3.2 inventory.profitability), plain Java. Inputs are the exact sums over sale lines
 * ({@code batch_sales}: quantity × unit price, quantity × unit cost at the time of sale); every money figure is
 * rounded once, to scale 2 by the one policy ({@link Rounding}), so a report never accumulates per-line rounding.
 * <ul>
 *   <li>cost = recorded cost + Σ retroactive corrections ({@code cogs_corrections}): a sale keeps the cost it was
 *       recorded at, and a later retroactive COGS change shows up as its correction, as the ledger will post it.</li>
 *   <li>profit = revenue − cost, of the rounded figures, so the three add up as shown.</li>
 *   <li>marginPercent = profit / revenue × 100 by {@link CogsCalculator#marginPercent} (the one margin rule);
 *       {@code null} when revenue is 0 — nothing sold, or only given away at price 0 — because no margin exists
 *       then, and "0.00" would read as "sold at cost".</li>
 *   <li>averagePrice = revenue / sold quantity (the average realised price); {@code null} when nothing was sold.</li>
 *   <li>potentialRevenue = on-hand × averagePrice; potentialProfit = potentialRevenue − on-hand × current unit cost.
 *       Both {@code null} without an average price (no sales, no basis for a price), potentialProfit also when the
 *       current unit cost is unknown.</li>
 * </ul>
 */
public final class Profitability {

    /**
     * Exact sums over the sale lines (cost: at the unit cost recorded with each sale), and {@code corrections}: the
     * sum of the retroactive COGS corrections of those sales (already rounded amounts, any sign). All zero when
     * there were none.
     */
    public record Sales(BigDecimal soldQty, BigDecimal revenue, BigDecimal cost, BigDecimal corrections) {

        public static final Sales NONE = new Sales(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public Sales {
            requireNotNegative("soldQty", soldQty);
            requireNotNegative("revenue", revenue);
            requireNotNegative("cost", cost);
            if (corrections == null) {
                throw new IllegalArgumentException("corrections is required");
            }
        }

        /** Sales without corrections. */
        public Sales(BigDecimal soldQty, BigDecimal revenue, BigDecimal cost) {
            this(soldQty, revenue, cost, BigDecimal.ZERO);
        }
    }

    /** What the sales realised; {@code marginPercent} and {@code averagePrice} may be {@code null} (see above). */
    public record Realised(BigDecimal soldQty, BigDecimal revenue, BigDecimal cost, BigDecimal profit,
            BigDecimal marginPercent, BigDecimal averagePrice) {
    }

    /** What the remaining on-hand stock would bring at the average realised price; figures may be {@code null}. */
    public record Potential(BigDecimal onHandQty, BigDecimal potentialRevenue, BigDecimal potentialProfit) {
    }

    private Profitability() {
    }

    public static Realised realised(Sales sales) {
        BigDecimal revenue = money(sales.revenue());
        BigDecimal cost = money(sales.cost().add(sales.corrections()));
        BigDecimal margin = revenue.signum() == 0 ? null : CogsCalculator.marginPercent(revenue, cost);
        BigDecimal averagePrice = sales.soldQty().signum() == 0 ? null
                : Rounding.moneyQuotient(sales.revenue(), sales.soldQty());
        return new Realised(sales.soldQty(), revenue, cost, revenue.subtract(cost), margin, averagePrice);
    }

    /** {@code unitCost} is the batch's current unit cost basis, {@code null} when its COGS settings are incomplete. */
    public static Potential potential(Realised realised, BigDecimal onHandQty, BigDecimal unitCost) {
        requireNotNegative("onHandQty", onHandQty);
        if (realised.averagePrice() == null) {
            return new Potential(onHandQty, null, null);
        }
        BigDecimal revenue = money(onHandQty.multiply(realised.averagePrice()));
        BigDecimal profit = unitCost == null ? null : revenue.subtract(money(onHandQty.multiply(unitCost)));
        return new Potential(onHandQty, revenue, profit);
    }

    private static BigDecimal money(BigDecimal value) {
        return Rounding.money(value);
    }

    private static void requireNotNegative(String name, BigDecimal value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
