package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.CogsCalculator.Adjustment;
import dev.terp.inventory.domain.CogsCalculator.Basis;
import dev.terp.inventory.domain.CogsCalculator.Result;
import dev.terp.inventory.domain.CogsCalculator.Source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CogsCalculatorTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void fixedBasisIsTheUnitCogs() {
        Result result = CogsCalculator.unitCogs(Basis.fixed(d("12.5")));
        assertThat(result.unitCogs()).isEqualTo(d("12.50"));
        assertThat(result.source()).isEqualTo(Source.FIXED);
    }

    @Test
    void rangeBasisIsTheMidpointRoundedHalfUp() {
        assertThat(CogsCalculator.unitCogs(Basis.range(d("10.00"), d("20.00"))))
                .isEqualTo(new Result(d("15.00"), Source.MIDPOINT));
        // 10.005 → 10.01, 10.015 → 10.02 (HALF_UP, the one Rounding policy)
        assertThat(CogsCalculator.unitCostBasis(Basis.range(d("10.00"), d("10.01")))).isEqualTo(d("10.01"));
        assertThat(CogsCalculator.unitCostBasis(Basis.range(d("10.01"), d("10.02")))).isEqualTo(d("10.02"));
    }

    @Test
    void degenerateRangeIsItsOnlyValue() {
        assertThat(CogsCalculator.unitCostBasis(Basis.range(d("7.00"), d("7.00")))).isEqualTo(d("7.00"));
    }

    @Test
    void invertedRangeIsRefused() {
        assertThatThrownBy(() -> Basis.range(d("20.00"), d("10.00")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inverted");
    }

    @Test
    void missingAndNegativeInputsAreRefused() {
        assertThatThrownBy(() -> Basis.fixed(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Basis.fixed(d("-1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Basis.range(null, d("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Basis.range(d("-1"), d("1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Basis(null, d("1"), null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Adjustment.percentage(d("-5"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Adjustment.fixedAmount(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void percentageIsADiscountOnCost() {
        // The order path's rule (D-13): cost × (1 − value/100), not the accounting helper's (1 + value/100).
        Result result = CogsCalculator.unitCogs(Basis.fixed(d("100.00")), Adjustment.percentage(d("10")));
        assertThat(result).isEqualTo(new Result(d("90.00"), Source.CLIENT_ADJUSTMENT));
        assertThat(CogsCalculator.unitCogs(Basis.fixed(d("10.00")), Adjustment.percentage(d("33.33"))).unitCogs())
                .isEqualTo(d("6.67"));
    }

    @Test
    void fixedAmountIsSubtracted() {
        assertThat(CogsCalculator.unitCogs(Basis.fixed(d("10.00")), Adjustment.fixedAmount(d("2.25"))))
                .isEqualTo(new Result(d("7.75"), Source.CLIENT_ADJUSTMENT));
    }

    @Test
    void percentageAbove100FloorsAtZero() {
        assertThat(CogsCalculator.unitCogs(Basis.fixed(d("10.00")), Adjustment.percentage(d("150"))).unitCogs())
                .isEqualTo(d("0.00"));
        assertThat(CogsCalculator.unitCogs(Basis.fixed(d("10.00")), Adjustment.fixedAmount(d("11"))).unitCogs())
                .isEqualTo(d("0.00"));
    }

    @Test
    void rangeResultsAreClampedToTheRange() {
        Basis range = Basis.range(d("8.00"), d("12.00"));
        // midpoint 10 − 50% = 5 → clamped up to min 8
        assertThat(CogsCalculator.unitCogs(range, Adjustment.percentage(d("50"))))
                .isEqualTo(new Result(d("8.00"), Source.CLIENT_ADJUSTMENT));
        // more than 100% would be negative; the clamp keeps it at min
        assertThat(CogsCalculator.unitCogs(range, Adjustment.percentage(d("200"))).unitCogs()).isEqualTo(d("8.00"));
        // within the range: untouched
        assertThat(CogsCalculator.unitCogs(range, Adjustment.fixedAmount(d("1.50"))).unitCogs())
                .isEqualTo(d("8.50"));
        // zero-width-at-zero range floors at 0
        assertThat(CogsCalculator.unitCogs(Basis.range(d("0"), d("0")), Adjustment.fixedAmount(d("5"))).unitCogs())
                .isEqualTo(d("0.00"));
    }

    @Test
    void fixedBatchesAreNotClamped() {
        assertThat(CogsCalculator.unitCogs(Basis.fixed(d("10.00")), Adjustment.percentage(d("90"))).unitCogs())
                .isEqualTo(d("1.00"));
    }

    @Test
    void noneAdjustmentKeepsTheBasisAndItsSource() {
        assertThat(CogsCalculator.unitCogs(Basis.range(d("1"), d("3")), Adjustment.NONE))
                .isEqualTo(new Result(d("2.00"), Source.MIDPOINT));
    }

    @Test
    void margins() {
        assertThat(CogsCalculator.unitMargin(d("20.00"), d("12.50"))).isEqualTo(d("7.50"));
        assertThat(CogsCalculator.unitMargin(d("10.00"), d("12.50"))).isEqualTo(d("-2.50"));
        assertThat(CogsCalculator.marginPercent(d("20.00"), d("12.50"))).isEqualTo(d("37.50"));
        assertThat(CogsCalculator.marginPercent(d("3.00"), d("1.00"))).isEqualTo(d("66.67"));
        assertThat(CogsCalculator.marginPercent(d("10.00"), d("12.50"))).isEqualTo(d("-25.00"));
        assertThat(CogsCalculator.marginPercent(d("0"), d("5.00"))).isEqualTo(d("0.00"));
    }
}
