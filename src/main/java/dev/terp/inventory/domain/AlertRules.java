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
 * </ul>
 * SLOW_MOVING (no sale in 90 days) is not evaluated: it needs sales data this module does not have yet.
 */
public final class AlertRules {

    public enum Type { LOW_STOCK, OVERSTOCK, EXPIRING }

    public enum Severity { LOW, MEDIUM, HIGH }

    private static final Set<BatchStatus> ALERTABLE = Set.of(BatchStatus.LIVE, BatchStatus.PHOTOGRAPHY_COMPLETE);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    private static final BigDecimal EIGHT_TENTHS = new BigDecimal("0.8");
    private static final BigDecimal ONE_AND_A_HALF = new BigDecimal("1.5");
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    /** Thresholds: quantities for stock, days for expiry. */
    public record Thresholds(BigDecimal lowStock, BigDecimal overstock, int expiringDays) {

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
        }
    }

    /** An alert that should be active: threshold and current value are quantities, or days for EXPIRING. */
    public record Alert(Type type, Severity severity, BigDecimal threshold, BigDecimal currentValue, String message) {
    }

    private AlertRules() {
    }

    public static boolean alertable(BatchStatus status) {
        return ALERTABLE.contains(status);
    }

    public static List<Alert> evaluate(BatchStatus status, BigDecimal onHand, LocalDate expiration, LocalDate today,
            Thresholds thresholds) {
        if (status == null || onHand == null || today == null || thresholds == null) {
            throw new IllegalArgumentException("status, onHand, today and thresholds are required");
        }
        List<Alert> alerts = new ArrayList<>();
        if (!alertable(status)) {
            return alerts;
        }
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
        return alerts;
    }
}
