package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Receiving goods (an intake session completing): only on-hand grows. */
class QuantitiesReceiveTest {

    private static Quantities of(String onHand, String reserved, String quarantine, String hold, String sample) {
        return new Quantities(new BigDecimal(onHand), new BigDecimal(reserved), new BigDecimal(quarantine),
                new BigDecimal(hold), new BigDecimal(sample));
    }

    @Test
    void receivingAddsToOnHandAndLeavesEveryOtherBucketAlone() {
        Quantities after = of("10", "2", "1", "1", "3").receive(new BigDecimal("5.2500"));
        assertThat(after).isEqualTo(of("15.25", "2", "1", "1", "3"));
        assertThat(after.available()).isEqualByComparingTo("11.25");
    }

    @Test
    void anEmptyBatchCanReceive() {
        assertThat(Quantities.ZERO.receive(new BigDecimal("0.0001")).onHand()).isEqualByComparingTo("0.0001");
    }

    @Test
    void theQuantityMustBePositiveWithAtMostFourDecimals() {
        for (String bad : new String[] {"0", "-1", "1.00001"}) {
            assertThatThrownBy(() -> Quantities.ZERO.receive(new BigDecimal(bad)))
                    .as(bad).isInstanceOf(InvalidQuantity.class);
        }
        assertThatThrownBy(() -> Quantities.ZERO.receive(null)).isInstanceOf(InvalidQuantity.class);
    }
}
