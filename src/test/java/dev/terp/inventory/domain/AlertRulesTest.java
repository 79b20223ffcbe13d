package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.AlertRules.Alert;
import dev.terp.inventory.domain.AlertRules.BatchFacts;
import dev.terp.inventory.domain.AlertRules.Severity;
import dev.terp.inventory.domain.AlertRules.Thresholds;
import dev.terp.inventory.domain.AlertRules.Type;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final Thresholds DEFAULTS = new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 30, 90);
    /** The rules for a batch received on {@code today} and never sold: too young to be slow-moving. */
    private static List<Alert> evaluate(BatchStatus status, BigDecimal onHand, LocalDate expiration, LocalDate today,
            Thresholds thresholds) {
        return AlertRules.evaluate(new BatchFacts(status, onHand, expiration, today, null), today, thresholds);
    }

    private static List<Alert> stock(String onHand) {
        return evaluate(BatchStatus.LIVE, new BigDecimal(onHand), null, TODAY, DEFAULTS);
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
            List<Alert> alerts = evaluate(status, new BigDecimal("3"), TODAY, TODAY, DEFAULTS);
            if (status == BatchStatus.LIVE || status == BatchStatus.PHOTOGRAPHY_COMPLETE) {
                assertThat(alerts).extracting(Alert::type).containsExactly(Type.LOW_STOCK, Type.EXPIRING);
            } else {
                assertThat(alerts).as(status.name()).isEmpty();
            }
        }
    }

    private static Alert expiring(LocalDate expiration) {
        List<Alert> alerts = evaluate(BatchStatus.PHOTOGRAPHY_COMPLETE, new BigDecimal("50"), expiration,
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
        assertThat(evaluate(BatchStatus.LIVE, new BigDecimal("50"), LocalDate.of(2028, 3, 1),
                LocalDate.of(2028, 2, 23), DEFAULTS).get(0).currentValue()).isEqualByComparingTo("7");
        // no expiration date: no alert; an empty batch still expires
        assertThat(expiring(null)).isNull();
        assertThat(evaluate(BatchStatus.LIVE, BigDecimal.ZERO, TODAY, TODAY, DEFAULTS))
                .extracting(Alert::type).containsExactly(Type.EXPIRING);
    }

    @Test
    void zeroExpiringDaysMeansOnlyTodayAndPast() {
        Thresholds none = new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 0, 90);
        assertThat(evaluate(BatchStatus.LIVE, new BigDecimal("50"), TODAY, TODAY, none)).hasSize(1);
        assertThat(evaluate(BatchStatus.LIVE, new BigDecimal("50"), TODAY.plusDays(1), TODAY, none))
                .isEmpty();
    }

    @Test
    void refusesImpossibleThresholds() {
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("-1"), new BigDecimal("100"), 30, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("10"), new BigDecimal("10"), 30, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("10"), new BigDecimal("100"), -1, 90))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 30, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BatchFacts(BatchStatus.LIVE, BigDecimal.ONE, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- SLOW_MOVING (threshold 90 days) ---------------------------------------------------------------------

    private static Alert slowMoving(BatchStatus status, String onHand, LocalDate inStockSince, LocalDate lastSale) {
        List<Alert> alerts = AlertRules.evaluate(new BatchFacts(status, new BigDecimal(onHand), null, inStockSince,
                lastSale), TODAY, DEFAULTS);
        return alerts.stream().filter(alert -> alert.type() == Type.SLOW_MOVING).findFirst().orElse(null);
    }

    private static Alert slowMoving(LocalDate inStockSince, LocalDate lastSale) {
        return slowMoving(BatchStatus.LIVE, "50", inStockSince, lastSale);
    }

    @Test
    void slowMovingAfterExactlyTheThresholdWithoutASale() {
        Alert neverSold = slowMoving(TODAY.minusDays(90), null);
        assertThat(neverSold.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(neverSold.threshold()).isEqualByComparingTo("90");
        assertThat(neverSold.currentValue()).isEqualByComparingTo("90");
        assertThat(neverSold.message()).startsWith("Never sold");
        assertThat(slowMoving(TODAY.minusDays(89), null)).isNull();

        LocalDate longAgo = TODAY.minusDays(400);
        Alert lastSold = slowMoving(longAgo, TODAY.minusDays(90));
        assertThat(lastSold.currentValue()).isEqualByComparingTo("90");
        assertThat(lastSold.message()).contains("No sale for 90 days").contains(TODAY.minusDays(90).toString());
        assertThat(slowMoving(longAgo, TODAY.minusDays(89))).isNull();
        assertThat(slowMoving(longAgo, TODAY.minusDays(250)).currentValue()).isEqualByComparingTo("250");
    }

    @Test
    void aRecentSaleOrAYoungBatchIsNotSlowMoving() {
        assertThat(slowMoving(TODAY.minusDays(400), TODAY.minusDays(1))).as("sold yesterday").isNull();
        assertThat(slowMoving(TODAY.minusDays(400), TODAY)).as("sold today").isNull();
        assertThat(slowMoving(TODAY.minusDays(10), null)).as("never sold, but young").isNull();
        assertThat(slowMoving(TODAY, null)).as("received today").isNull();
        assertThat(slowMoving(TODAY.minusDays(91), TODAY.minusDays(91))).as("sold on the day it came in").isNotNull();
    }

    @Test
    void slowMovingNeedsStockAndAnAlertableStatus() {
        LocalDate old = TODAY.minusDays(200);
        assertThat(slowMoving(BatchStatus.LIVE, "0", old, null)).as("nothing on hand").isNull();
        assertThat(slowMoving(BatchStatus.LIVE, "0.0001", old, null)).isNotNull();
        assertThat(slowMoving(BatchStatus.PHOTOGRAPHY_COMPLETE, "50", old, null)).isNotNull();
        for (BatchStatus status : BatchStatus.values()) {
            if (!AlertRules.alertable(status)) {
                assertThat(slowMoving(status, "50", old, null)).as(status.name()).isNull();
            }
        }
    }

    @Test
    void slowMovingComesWithTheOtherAlertsAndFollowsItsThreshold() {
        List<Alert> alerts = AlertRules.evaluate(new BatchFacts(BatchStatus.LIVE, new BigDecimal("3"),
                TODAY.plusDays(5), TODAY.minusDays(100), null), TODAY, DEFAULTS);
        assertThat(alerts).extracting(Alert::type).containsExactly(Type.LOW_STOCK, Type.EXPIRING, Type.SLOW_MOVING);

        Thresholds week = new Thresholds(new BigDecimal("10"), new BigDecimal("100"), 30, 7);
        assertThat(AlertRules.evaluate(new BatchFacts(BatchStatus.LIVE, new BigDecimal("50"), null,
                TODAY.minusDays(7), null), TODAY, week)).extracting(Alert::type).containsExactly(Type.SLOW_MOVING);
        assertThat(AlertRules.evaluate(new BatchFacts(BatchStatus.LIVE, new BigDecimal("50"), null,
                TODAY.minusDays(6), null), TODAY, week)).isEmpty();
    }
}
