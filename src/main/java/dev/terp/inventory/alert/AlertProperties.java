package dev.terp.inventory.alert;

import java.math.BigDecimal;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import dev.terp.inventory.domain.AlertRules;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Inventory alert thresholds (domain §4.17), bound to {@code terp.inventory.alerts.*} and checked at start-up. */
@Validated
@ConfigurationProperties("terp.inventory.alerts")
public record AlertProperties(
        @NotNull @PositiveOrZero BigDecimal lowStock,
        @NotNull @PositiveOrZero BigDecimal overstock,
        @PositiveOrZero int expiringDays,
        @DefaultValue("90") @Min(1) int slowMovingDays) {

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
