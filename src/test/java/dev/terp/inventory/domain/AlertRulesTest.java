package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.AlertRules.Alert;
import dev.terp.inventory.domain.AlertRules.Severity;
import dev.terp.inventory.domain.AlertRules.Thresholds;
import dev.terp.inventory.domain.AlertRules.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 30);

    private static List<Alert> stock(String onHand) {
        return AlertRules.evaluate(BatchStatus.LIVE, new BigDecimal(onHand), null, TODAY, DEFAULTS);
    }

    private static Severity only(List<Alert> alerts, Type type) {
        assertThat(alerts).extracting(Alert::type).containsExactly(type);
        return alerts.get(0).severity();
    }

    @Test
    void lowStockBandsAndBounds() {
        assertThat(stock("0")).isEmpty();
        assertThat(only(stock("0.0001"), Type.LOW_STOCK)).isEqualTo(Severity.HIGH);
        assertThat(only(stock("5"), Type.LOW_STOCK)).isEqualTo(Severity.HIGH);
        assertThat(only(stock("5.0001"), Type.LOW_STOCK)).isEqualTo(Severity.MEDIUM);
        assertThat(only(stock("8"), Type.LOW_STOCK)).isEqualTo(Severity.MEDIUM);
        assertThat(only(stock("8.5"), Type.LOW_STOCK)).isEqualTo(Severity.LOW);
        assertThat(only(stock("10"), Type.LOW_STOCK)).isEqualTo(Severity.LOW);
        assertThat(stock("10.0001")).isEmpty();
        assertThat(stock("99.9999")).isEmpty();
    }

    @Test
    void overstockBands() {
        assertThat(only(stock("100"), Type.OVERSTOCK)).isEqualTo(Severity.LOW);
        assertThat(only(stock("149.9999"), Type.OVERSTOCK)).isEqualTo(Severity.LOW);
        assertThat(only(stock("150"), Type.OVERSTOCK)).isEqualTo(Severity.MEDIUM);
        assertThat(only(stock("199.9999"), Type.OVERSTOCK)).isEqualTo(Severity.MEDIUM);
        assertThat(only(stock("200"), Type.OVERSTOCK)).isEqualTo(Severity.HIGH);
        Alert alert = stock("200").get(0);
        assertThat(alert.threshold()).isEqualByComparingTo("100");
        assertThat(alert.currentValue()).isEqualByComparingTo("200");
    }

    @Test
    void onlyLiveAndPhotographyCompleteBatchesHaveAlerts() {
        for (BatchStatus status : BatchStatus.values()) {
            List<Alert> alerts = AlertRules.evaluate(status, new BigDecimal("3"), TODAY, TODAY, DEFAULTS);
            if (status == BatchStatus.LIVE || status == BatchStatus.PHOTOGRAPHY_COMPLETE) {
                assertThat(alerts).extracting(Alert::type).containsExactly(Type.LOW_STOCK, Type.EXPIRING);
            } else {
                assertThat(alerts).as(status.name()).isEmpty();
            }
        }
    }

    private static Alert expiring(LocalDate expiration) {
        List<Alert> alerts = AlertRules.evaluate(BatchStatus.PHOTOGRAPHY_COMPLETE, new BigDecimal("50"), expiration,
                TODAY, DEFAULTS);
        return alerts.stream().filter(alert -> alert.type() == Type.EXPIRING).findFirst().orElse(null);
    }

    @Test
    void batchExpirationEdgeCases() {
        // expires today: 0 days left, HIGH
        Alert today = expiring(TODAY);
        assertThat(today.severity()).isEqualTo(Severity.HIGH);
        assertThat(today.currentValue()).isEqualByComparingTo("0");
        assertThat(today.message()).contains("today");
        // expired yesterday: -1 days, HIGH
        Alert yesterday = expiring(TODAY.minusDays(1));
        assertThat(yesterday.severity()).isEqualTo(Severity.HIGH);
        assertThat(yesterday.currentValue()).isEqualByComparingTo("-1");
        assertThat(yesterday.message()).startsWith("Expired");
        // long expired: still HIGH
        assertThat(expiring(TODAY.minusYears(1)).severity()).isEqualTo(Severity.HIGH);
        // exactly at the 30-day boundary: included, LOW; one day beyond: none
        Alert boundary = expiring(TODAY.plusDays(30));
        assertThat(boundary.severity()).isEqualTo(Severity.LOW);
        assertThat(boundary.threshold()).isEqualByComparingTo("30");
        assertThat(expiring(TODAY.plusDays(31))).isNull();
        // severity boundaries 7 / 8 / 14 / 15
        assertThat(expiring(TODAY.plusDays(7)).severity()).isEqualTo(Severity.HIGH);
        assertThat(expiring(TODAY.plusDays(8)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(expiring(TODAY.plusDays(14)).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(expiring(TODAY.plusDays(15)).severity()).isEqualTo(Severity.LOW);
        // across a month end and a leap day
        assertThat(AlertRules.evaluate(BatchStatus.LIVE, new BigDecimal("50"), LocalDate.of(2028, 3, 1),
                LocalDate.of(2028, 2, 23), DEFAULTS).get(0).currentValue()).isEqualByComparingTo("7");
        // no expiration date: no alert; an empty batch still expires
        assertThat(expiring(null)).isNull();
        assertThat(AlertRules.evaluate(BatchStatus.LIVE, BigDecimal.ZERO, TODAY, TODAY, DEFAULTS))
                .extracting(Alert::type).containsExactly(Type.EXPIRING);
    }

    @Test
    void zeroExpiringDaysMeansOnlyTodayAndPast() {
        Thresholds none = new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 0);
        assertThat(AlertRules.evaluate(BatchStatus.LIVE, new BigDecimal("50"), TODAY, TODAY, none)).hasSize(1);
        assertThat(AlertRules.evaluate(BatchStatus.LIVE, new BigDecimal("50"), TODAY.plusDays(1), TODAY, none))
                .isEmpty();
    }

    @Test
    void refusesImpossibleThresholds() {
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("-1"), new BigDecimal("100"), 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("10"), new BigDecimal("10"), 30))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("10"), new BigDecimal("100"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
