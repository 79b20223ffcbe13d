package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeSessionTotalsTest {

    @ParameterizedTest(name = "{0} x {1} = {2}")
    @CsvSource({
            "10.0000, 12.50, 125.00",
            "1.0000, 0.00, 0.00",
            "0.0001, 0.01, 0.00",
            "0.5000, 0.01, 0.01",
            "0.4999, 0.01, 0.00",
            "3.3333, 3.00, 10.00",
            "2.5050, 1.00, 2.51",
            "1.1250, 1.00, 1.13",
            "12345678901.0000, 99.99, 1234444433310.99"})
    void aLineCostsQuantityTimesUnitCostRoundedHalfUpToCents(String qty, String unitCost, String total) {
        BigDecimal result = IntakeSessionTotals.lineTotal(new BigDecimal(qty), new BigDecimal(unitCost));
        assertThat(result).isEqualTo(new BigDecimal(total));
        assertThat(result.scale()).isEqualTo(2);
    }

    @Test
    void theSessionTotalIsTheSumOfTheRoundedLineTotals() {
        BigDecimal a = IntakeSessionTotals.lineTotal(new BigDecimal("0.5000"), new BigDecimal("0.01"));
        BigDecimal b = IntakeSessionTotals.lineTotal(new BigDecimal("0.5000"), new BigDecimal("0.01"));
        // Rounding each line first: 0.01 + 0.01, not round(0.005 + 0.005) = 0.01.
        assertThat(IntakeSessionTotals.sessionTotal(List.of(a, b))).isEqualTo(new BigDecimal("0.02"));
        assertThat(IntakeSessionTotals.sessionTotal(List.of(new BigDecimal("125.00"), new BigDecimal("0.10"))))
                .isEqualTo(new BigDecimal("125.10"));
    }

    @Test
    void aSessionWithoutLinesTotalsZeroAtMoneyScale() {
        assertThat(IntakeSessionTotals.sessionTotal(List.of())).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void theBalanceIsTotalLessPaidAndMayGoNegative() {
        assertThat(IntakeSessionTotals.balance(new BigDecimal("125.00"), new BigDecimal("0.00")))
                .isEqualTo(new BigDecimal("125.00"));
        assertThat(IntakeSessionTotals.balance(new BigDecimal("125.00"), new BigDecimal("25.50")))
                .isEqualTo(new BigDecimal("99.50"));
        assertThat(IntakeSessionTotals.balance(new BigDecimal("10.00"), new BigDecimal("12.00")))
                .isEqualTo(new BigDecimal("-2.00"));
    }

    @Test
    void aLineNeedsAPositiveQuantityAndANonNegativeCost() {
        assertThatThrownBy(() -> IntakeSessionTotals.lineTotal(BigDecimal.ZERO, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntakeSessionTotals.lineTotal(BigDecimal.ONE, new BigDecimal("-0.01")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IntakeSessionTotals.lineTotal(null, BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
