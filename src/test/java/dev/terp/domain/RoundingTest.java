package dev.terp.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.inventory.domain.IntakeSessionTotals;
import dev.terp.inventory.domain.Profitability;
import dev.terp.platform.web.Decimals;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rounding policy, and every domain path that rounds following it (HALF_UP, once, at its scale). */
class RoundingTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void halvesRoundAwayFromZeroOnce() {
        assertThat(Rounding.MODE).isEqualTo(RoundingMode.HALF_UP);
        assertThat(Rounding.money(d("0.005"))).isEqualTo(d("0.01"));
        assertThat(Rounding.money(d("0.015"))).isEqualTo(d("0.02"));
        assertThat(Rounding.money(d("0.025"))).isEqualTo(d("0.03"));
        assertThat(Rounding.money(d("-0.505"))).isEqualTo(d("-0.51"));
        assertThat(Rounding.money(d("0.0049999"))).isEqualTo(d("0.00"));
        assertThat(Rounding.unitCost(d("0.00125"))).isEqualTo(d("0.0013"));
        assertThat(Rounding.quantity(d("1.23455"))).isEqualTo(d("1.2346"));
        assertThat(Rounding.moneyQuotient(d("20.01"), d("2"))).isEqualTo(d("10.01"));
        assertThat(Rounding.percent(d("0.01"), d("200"))).isEqualTo(d("0.01"));
    }

    @Test
    void theApiEdgeUsesTheSameScales() {
        assertThat(Decimals.MONEY_SCALE).isEqualTo(Rounding.MONEY_SCALE);
        assertThat(Decimals.QUANTITY_SCALE).isEqualTo(Rounding.QUANTITY_SCALE);
        assertThat(Decimals.UNIT_COST_SCALE).isEqualTo(Rounding.UNIT_COST_SCALE);
        assertThat(CogsCalculator.MONEY_SCALE).isEqualTo(Rounding.MONEY_SCALE);
        assertThat(CogsCalculator.ROUNDING).isEqualTo(Rounding.MODE);
        assertThat(IntakeSessionTotals.MONEY_SCALE).isEqualTo(Rounding.MONEY_SCALE);
    }

    /** The same half-cent amounts walked through every domain path that rounds. */
    @Test
    void everyDomainPathRoundsByThePolicy() {
        // Intake session: 1 × 0.0050 = 0.005 → 0.01, 3 × 0.0125 = 0.0375 → 0.04; the total adds the rounded lines.
        BigDecimal first = IntakeSessionTotals.lineTotal(d("1"), d("0.0050"));
        BigDecimal second = IntakeSessionTotals.lineTotal(d("3"), d("0.0125"));
        assertThat(List.of(first, second)).containsExactly(d("0.01"), d("0.04"));
        assertThat(IntakeSessionTotals.sessionTotal(List.of(first, second))).isEqualTo(d("0.05"));
        // COGS: midpoint 1.005 → 1.01; margin 0.01 / 200.00 = 0.005 % → 0.01.
        assertThat(CogsCalculator.unitCostBasis(CogsCalculator.Basis.range(d("1.00"), d("1.01"))))
                .isEqualTo(Rounding.money(d("1.005"))).isEqualTo(d("1.01"));
        assertThat(CogsCalculator.marginPercent(d("200.00"), d("199.99"))).isEqualTo(d("0.01"));
        // Profitability: exact sums rounded once; revenue 0.025 → 0.03, average 20.01 / 2 → 10.01.
        Profitability.Realised realised = Profitability.realised(
                new Profitability.Sales(d("2"), d("20.01"), d("0.025")));
        assertThat(realised.cost()).isEqualTo(d("0.03"));
        assertThat(realised.averagePrice()).isEqualTo(d("10.01"));
        assertThat(Profitability.realised(new Profitability.Sales(d("1"), d("200.00"), d("199.99")))
                .marginPercent()).isEqualTo(d("0.01"));
        // Corrections add to the exact recorded cost before the one rounding: 5.005 − 0.51 = 4.495 → 4.50.
        assertThat(Profitability.realised(new Profitability.Sales(d("0.5"), d("10"), d("5.005"), d("-0.51")))
                .cost()).isEqualTo(Rounding.money(d("4.495"))).isEqualTo(d("4.50"));
    }
}
