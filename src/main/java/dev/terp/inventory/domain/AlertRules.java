package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which inventory alerts should be active for a batch (domain §4.17), plain Java. Only LIVE and PHOTOGRAPHY_COMPLETE
 * batches have alerts.
 * <ul>
 *   <li>LOW_STOCK: 0 &lt; onHand ≤ lowStock; HIGH ≤ half the threshold, MEDIUM ≤ 0.8 × threshold, else LOW.</li>
 *   <li>OVERSTOCK: onHand ≥ overstock; HIGH ≥ 2 ×, MEDIUM ≥ 1.5 ×, else LOW.</li>
 *   <li>EXPIRING: the expiration date is at most {@code expiringDays} days away (or past); HIGH ≤ 7 days or already
 *       expired, MEDIUM ≤ 14, else LOW. A batch that expires today has 0 days left (HIGH).</li>
 *   <li>SLOW_MOVING (always MEDIUM): onHand &gt; 0, in stock for at least N = {@code slowMovingDays} days and no
 *       SALE for at least N days (never sold counts from the day it came into stock). Exactly N days is slow-moving,
 *       N − 1 is not, so a freshly received batch never is. TERP's version was always true, because it
 *       looked for rows in a {@code sales} table nothing wrote; this one reads the batch's own SALE movements.</li>
 * </ul>
 */
public final class AlertRules {

    public enum Type { LOW_STOCK, OVERSTOCK, EXPIRING, SLOW_MOVING }

    public enum Severity { LOW, MEDIUM, HIGH }

    private static final Set<BatchStatus> ALERTABLE = Set.of(BatchStatus.LIVE, BatchStatus.PHOTOGRAPHY_COMPLETE);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal EIGHT_TENTHS = new BigDecimal("0.8");
    private static final BigDecimal ONE_AND_A_HALF = new BigDecimal("1.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** Thresholds: quantities for stock, days for expiry and for slow-moving stock. */
    public record Thresholds(BigDecimal lowStock, BigDecimal overstock, int expiringDays, int slowMovingDays) {

        public Thresholds {
            if (lowStock == null || overstock == null) {
                throw new IllegalArgumentException("lowStock and overstock are required");
            }
            if (lowStock.signum() < 0 || overstock.signum() < 0 || expiringDays < 0) {
                throw new IllegalArgumentException("thresholds must not be negative");
            }
            if (overstock.compareTo(lowStock) <= 0) {
                throw new IllegalArgumentException("overstock (" + overstock + ") must be greater than lowStock ("
                        + lowStock + ")");
            }
            if (slowMovingDays < 1) {
                throw new IllegalArgumentException("slowMovingDays must be at least 1");
            }
        }
    }

    /**
     * What the rules know of a batch, as of {@code today}: {@code inStockSince} is the day it came into stock,
     * {@code lastSale} the day of its latest SALE movement (null: never sold), {@code expiration} may be null.
     */
    public record BatchFacts(BatchStatus status, BigDecimal onHand, LocalDate expiration, LocalDate inStockSince,
            LocalDate lastSale) {

        public BatchFacts {
            if (status == null || onHand == null || inStockSince == null) {
                throw new IllegalArgumentException("status, onHand and inStockSince are required");
            }
        }
    }

    /** An alert that should be active: threshold and current value are quantities, or days for EXPIRING/SLOW_MOVING. */
    public record Alert(Type type, Severity severity, BigDecimal threshold, BigDecimal currentValue, String message) {
    }

    private AlertRules() {
    }

    public static boolean alertable(BatchStatus status) {
        return ALERTABLE.contains(status);
    }

    public static List<Alert> evaluate(BatchFacts batch, LocalDate today, Thresholds thresholds) {
        if (batch == null || today == null || thresholds == null) {
            throw new IllegalArgumentException("batch, today and thresholds are required");
        }
        List<Alert> alerts = new ArrayList<>();
        if (!alertable(batch.status())) {
            return alerts;
        }
        BigDecimal onHand = batch.onHand();
        LocalDate expiration = batch.expiration();
        BigDecimal low = thresholds.lowStock();
        if (onHand.signum() > 0 && onHand.compareTo(low) <= 0) {
            Severity severity = onHand.compareTo(low.multiply(HALF)) <= 0 ? Severity.HIGH
                    : onHand.compareTo(low.multiply(EIGHT_TENTHS)) <= 0 ? Severity.MEDIUM : Severity.LOW;
            alerts.add(new Alert(Type.LOW_STOCK, severity, low, onHand,
                    "On hand " + onHand.toPlainString() + " is at or below the low-stock threshold "
                            + low.toPlainString()));
        }
        BigDecimal over = thresholds.overstock();
        if (onHand.compareTo(over) >= 0) {
            Severity severity = onHand.compareTo(over.multiply(TWO)) >= 0 ? Severity.HIGH
                    : onHand.compareTo(over.multiply(ONE_AND_A_HALF)) >= 0 ? Severity.MEDIUM : Severity.LOW;
            alerts.add(new Alert(Type.OVERSTOCK, severity, over, onHand,
                    "On hand " + onHand.toPlainString() + " is at or above the overstock threshold "
                            + over.toPlainString()));
        }
        if (expiration != null) {
            long daysLeft = ChronoUnit.DAYS.between(today, expiration);
            if (daysLeft <= thresholds.expiringDays()) {
                Severity severity = daysLeft <= 7 ? Severity.HIGH : daysLeft <= 14 ? Severity.MEDIUM : Severity.LOW;
                String message = daysLeft < 0 ? "Expired on " + expiration
                        : daysLeft == 0 ? "Expires today (" + expiration + ")"
                        : "Expires on " + expiration + " (" + daysLeft + " days)";
                alerts.add(new Alert(Type.EXPIRING, severity, BigDecimal.valueOf(thresholds.expiringDays()),
                        BigDecimal.valueOf(daysLeft), message));
            }
        }
        Alert slowMoving = slowMoving(batch, today, thresholds.slowMovingDays());
        if (slowMoving != null) {
            alerts.add(slowMoving);
        }
        return alerts;
    }

    private static Alert slowMoving(BatchFacts batch, LocalDate today, int days) {
        if (batch.onHand().signum() <= 0) {
            return null;
        }
        long inStock = ChronoUnit.DAYS.between(batch.inStockSince(), today);
        long sinceSale = batch.lastSale() == null ? inStock : ChronoUnit.DAYS.between(batch.lastSale(), today);
        if (inStock < days || sinceSale < days) {
            return null;
        }
        String message = batch.lastSale() == null
                ? "Never sold in " + inStock + " days in stock (threshold " + days + " days)"
                : "No sale for " + sinceSale + " days, last on " + batch.lastSale() + " (threshold " + days + " days)";
        return new Alert(Type.SLOW_MOVING, Severity.MEDIUM, BigDecimal.valueOf(days), BigDecimal.valueOf(sinceSale),
                message);
    }
}
