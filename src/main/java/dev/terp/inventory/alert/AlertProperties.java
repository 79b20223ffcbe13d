package dev.terp.inventory.alert;

import java.math.BigDecimal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import dev.terp.inventory.domain.AlertRules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Inventory alert thresholds (domain §4.17), bound to {@code terp.inventory.alerts.*} and checked at start-up.
 * {@code pageSize} is how many batches (and, afterwards, stale alerts) one generate transaction handles: big enough
 * that a run over many batches takes few transactions, small enough that each stays far below the transaction
 * deadline and holds few locks.
 */
@Validated
@ConfigurationProperties("terp.inventory.alerts")
public record AlertProperties(
        @NotNull @PositiveOrZero BigDecimal lowStock,
        @NotNull @PositiveOrZero BigDecimal overstock,
        @PositiveOrZero int expiringDays,
        @DefaultValue("90") @Min(1) int slowMovingDays,
        @DefaultValue("500") @Min(1) @Max(5000) int pageSize) {

    public AlertProperties {
        if (lowStock != null && overstock != null && overstock.compareTo(lowStock) <= 0) {
            throw new IllegalArgumentException("terp.inventory.alerts.overstock (" + overstock
                    + ") must be greater than low-stock (" + lowStock + ")");
        }
    }

    AlertRules.Thresholds thresholds() {
        return new AlertRules.Thresholds(lowStock, overstock, expiringDays, slowMovingDays);
    }
}
