package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.Profitability.Potential;
import dev.terp.inventory.domain.Profitability.Realised;
import dev.terp.inventory.domain.Profitability.Sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProfitabilityTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void sumsIntoRevenueCostProfitMarginAndAveragePrice() {
        // 3 × 20.00 + 2 × 25.00 = 110.00 revenue; 5 × 12.50 = 62.50 cost.
        Realised realised = Profitability.realised(new Sales(d("5.0000"), d("110.000000"), d("62.500000")));

        assertThat(realised.soldQty()).isEqualByComparingTo("5");
        assertThat(realised.revenue()).isEqualTo(d("110.00"));
        assertThat(realised.cost()).isEqualTo(d("62.50"));
        assertThat(realised.profit()).isEqualTo(d("47.50"));
        assertThat(realised.marginPercent()).isEqualTo(d("43.18"));
        assertThat(realised.averagePrice()).isEqualTo(d("22.00"));
    }

    @Test
    void potentialValuesTheRemainingStockAtTheAverageRealisedPriceAndTheCurrentCost() {
        Realised realised = Profitability.realised(new Sales(d("5"), d("110"), d("62.5")));

        Potential potential = Profitability.potential(realised, d("7.0000"), d("12.50"));

        assertThat(potential.onHandQty()).isEqualByComparingTo("7");
        assertThat(potential.potentialRevenue()).isEqualTo(d("154.00"));
        assertThat(potential.potentialProfit()).isEqualTo(d("66.50"));
    }

    @Test
    void withoutSalesEverySumIsZeroAndThereIsNoMarginPriceOrPotential() {
        Realised realised = Profitability.realised(Sales.NONE);

        assertThat(realised.revenue()).isEqualTo(d("0.00"));
        assertThat(realised.cost()).isEqualTo(d("0.00"));
        assertThat(realised.profit()).isEqualTo(d("0.00"));
        assertThat(realised.marginPercent()).isNull();
        assertThat(realised.averagePrice()).isNull();
        Potential potential = Profitability.potential(realised, d("10"), d("5.00"));
        assertThat(potential.onHandQty()).isEqualByComparingTo("10");
        assertThat(potential.potentialRevenue()).isNull();
        assertThat(potential.potentialProfit()).isNull();
    }

    @Test
    void stockGivenAwayAtPriceZeroHasALossButNoMargin() {
        Realised realised = Profitability.realised(new Sales(d("2"), d("0"), d("25.00")));

        assertThat(realised.revenue()).isEqualTo(d("0.00"));
        assertThat(realised.profit()).isEqualTo(d("-25.00"));
        assertThat(realised.marginPercent()).isNull();
        assertThat(realised.averagePrice()).isEqualTo(d("0.00"));
        Potential potential = Profitability.potential(realised, d("3"), d("12.50"));
        assertThat(potential.potentialRevenue()).isEqualTo(d("0.00"));
        assertThat(potential.potentialProfit()).isEqualTo(d("-37.50"));
    }

    @Test
    void sellingBelowCostGivesANegativeMargin() {
        Realised realised = Profitability.realised(new Sales(d("4"), d("40"), d("50")));

        assertThat(realised.profit()).isEqualTo(d("-10.00"));
        assertThat(realised.marginPercent()).isEqualTo(d("-25.00"));
    }

    @Test
    void roundsEachTotalOnceWithBankersRounding() {
        // 0.3333 × 10.00 = 3.333 revenue; 0.3333 × 1.25 = 0.416625 cost (→ 0.42); the average price is exact
        // revenue / quantity = 10.00, not the rounded 3.33 / 0.3333 = 9.99.
        Realised realised = Profitability.realised(new Sales(d("0.3333"), d("3.333000"), d("0.416625")));

        assertThat(realised.revenue()).isEqualTo(d("3.33"));
        assertThat(realised.cost()).isEqualTo(d("0.42"));
        assertThat(realised.profit()).isEqualTo(d("2.91"));
        assertThat(realised.averagePrice()).isEqualTo(d("10.00"));
        // 2.91 / 3.33 × 100 = 87.387… → 87.39
        assertThat(realised.marginPercent()).isEqualTo(d("87.39"));
        // A half cent rounds up (HALF_UP, the one Rounding policy): 0.025 → 0.03; 0.035 → 0.04.
        assertThat(Profitability.realised(new Sales(d("2.5"), d("0.025"), d("0"))).revenue()).isEqualTo(d("0.03"));
        assertThat(Profitability.realised(new Sales(d("3.5"), d("0.035"), d("0"))).revenue()).isEqualTo(d("0.04"));
    }

    @Test
    void potentialRevenueUsesTheShownAveragePriceSoItCanBeRecomputed() {
        // 10.00 + 10.01 over 2 units = 10.005 → 10.01 (HALF_UP); 3 × 10.01 = 30.03.
        Realised realised = Profitability.realised(new Sales(d("2"), d("20.01"), d("0")));
        assertThat(realised.averagePrice()).isEqualTo(d("10.01"));

        assertThat(Profitability.potential(realised, d("3"), d("0")).potentialRevenue()).isEqualTo(d("30.03"));
    }

    @Test
    void anUnknownCurrentCostLeavesOnlyPotentialProfitOpen() {
        Realised realised = Profitability.realised(new Sales(d("1"), d("10"), d("4")));

        Potential potential = Profitability.potential(realised, d("2"), null);

        assertThat(potential.potentialRevenue()).isEqualTo(d("20.00"));
        assertThat(potential.potentialProfit()).isNull();
    }

    @Test
    void refusesNegativeOrMissingSums() {
        assertThatThrownBy(() -> new Sales(d("-1"), d("0"), d("0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("soldQty");
        assertThatThrownBy(() -> new Sales(d("1"), null, d("0"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("revenue");
        assertThatThrownBy(() -> Profitability.potential(Profitability.realised(Sales.NONE), d("-1"), d("1")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
