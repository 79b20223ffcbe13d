package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.terp.platform.web.Decimals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantitiesTest {

    private static BigDecimal q(String value) {
        return new BigDecimal(value);
    }

    private static Quantities of(String onHand, String reserved, String quarantine, String hold) {
        return new Quantities(q(onHand), q(reserved), q(quarantine), q(hold));
    }

    private static Quantities of(String onHand, String reserved, String quarantine, String hold, String sample) {
        return new Quantities(q(onHand), q(reserved), q(quarantine), q(hold), q(sample));
    }

    @Test
    void availableSubtractsReservedQuarantineAndHold() {
        assertThat(of("10", "2", "1.5", "0.25").available()).isEqualByComparingTo("6.25");
        assertThat(of("10", "2", "1.5", "0.25").available().scale()).isEqualTo(4);
    }

    @Test
    void availableIsNeverNegative() {
        assertThat(of("1", "5", "0", "0").available()).isEqualByComparingTo("0");
        assertThat(of("0", "0", "3", "3").available().signum()).isZero();
    }

    @Test
    void reserveTakesFromAvailable() {
        Quantities after = of("10", "0", "0", "0").reserve(q("4"));
        assertThat(after.reserved()).isEqualByComparingTo("4");
        assertThat(after.onHand()).isEqualByComparingTo("10");
        assertThat(after.available()).isEqualByComparingTo("6");
    }

    @Test
    void moreThanAvailableIsRejected() {
        Quantities quantities = of("5", "2", "0", "0");
        assertThatThrownBy(() -> quantities.reserve(q("3.0001")))
                .isInstanceOf(InsufficientInventory.class)
                .hasMessage("has 3.0000 available, 3.0001 requested");
        assertThat(quantities.reserve(q("3")).available()).isEqualByComparingTo("0");
    }

    @Test
    void releaseCannotExceedReserved() {
        Quantities quantities = of("5", "2", "0", "0");
        assertThat(quantities.releaseReservation(q("2")).reserved()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> quantities.releaseReservation(q("2.5")))
                .isInstanceOf(InsufficientInventory.class).hasMessage("has 2.0000 reserved, 2.5000 requested");
    }

    @Test
    void consumingAReservationLowersOnHandAndReserved() {
        Quantities after = of("5", "2", "0", "0").consumeReservation(q("1.5"));
        assertThat(after.onHand()).isEqualByComparingTo("3.5");
        assertThat(after.reserved()).isEqualByComparingTo("0.5");
        assertThatThrownBy(() -> of("5", "2", "0", "0").consumeReservation(q("3")))
                .isInstanceOf(InsufficientInventory.class);
    }

    @Test
    void absoluteAdjustmentMayNotUndercutCommittedStock() {
        Quantities quantities = of("10", "3", "1", "1");
        assertThat(quantities.adjustOnHandTo(q("5")).onHand()).isEqualByComparingTo("5");
        assertThat(of("10", "0", "0", "0").adjustOnHandTo(BigDecimal.ZERO).onHand()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> quantities.adjustOnHandTo(q("4.9999")))
                .isInstanceOf(InsufficientInventory.class)
                .hasMessageContaining("5.0000 reserved, in quarantine or on hold");
        assertThatThrownBy(() -> quantities.adjustOnHandTo(q("-1"))).isInstanceOf(InvalidQuantity.class);
    }

    @Test
    void relativeAdjustmentNeverGoesNegativeNorBelowCommitted() {
        Quantities quantities = of("10", "2", "0", "0");
        assertThat(quantities.adjustOnHandBy(q("-8")).onHand()).isEqualByComparingTo("2");
        assertThat(quantities.adjustOnHandBy(q("2.5")).onHand()).isEqualByComparingTo("12.5");
        assertThatThrownBy(() -> quantities.adjustOnHandBy(q("-8.0001"))).isInstanceOf(InsufficientInventory.class);
        assertThatThrownBy(() -> of("1", "0", "0", "0").adjustOnHandBy(q("-2")))
                .isInstanceOf(InsufficientInventory.class).hasMessage("has 1.0000 on hand, 2.0000 to remove");
        assertThatThrownBy(() -> quantities.adjustOnHandBy(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
    }

    @Test
    void quarantineAndHoldMoveAvailableStockAndBack() {
        Quantities quarantined = of("10", "0", "0", "0").quarantine(q("3"));
        assertThat(quarantined.quarantine()).isEqualByComparingTo("3");
        assertThat(quarantined.available()).isEqualByComparingTo("7");
        assertThat(quarantined.releaseQuarantine(q("3")).available()).isEqualByComparingTo("10");
        assertThatThrownBy(() -> quarantined.releaseQuarantine(q("4"))).isInstanceOf(InsufficientInventory.class);
        assertThatThrownBy(() -> quarantined.quarantine(q("8"))).isInstanceOf(InsufficientInventory.class);

        Quantities held = quarantined.hold(q("7"));
        assertThat(held.available()).isEqualByComparingTo("0");
        assertThat(held.releaseHold(q("2")).hold()).isEqualByComparingTo("5");
        assertThatThrownBy(() -> held.hold(q("0.0001"))).isInstanceOf(InsufficientInventory.class);
        assertThatThrownBy(() -> held.releaseHold(q("7.0001"))).isInstanceOf(InsufficientInventory.class);
    }

    @Test
    void disposalTakesOnlyAvailableStock() {
        Quantities quantities = of("10", "4", "0", "0");
        assertThat(quantities.dispose(q("6")).onHand()).isEqualByComparingTo("4");
        assertThatThrownBy(() -> quantities.dispose(q("6.0001")))
                .isInstanceOf(InsufficientInventory.class).hasMessage("has 6.0000 available, 6.0001 requested");
    }

    @Test
    void aBucketChangeRefusesToGoNegativeOrToCommitMoreThanOnHand() {
        Quantities quantities = of("10", "4", "0", "0");
        assertThat(quantities.change(Bucket.RESERVED, q("-4")).reserved()).isEqualByComparingTo("0");
        assertThat(quantities.change(Bucket.ON_HAND, q("-6")).onHand()).isEqualByComparingTo("4");
        assertThatThrownBy(() -> quantities.change(Bucket.RESERVED, q("-5"))).isInstanceOf(InsufficientInventory.class);
        assertThatThrownBy(() -> quantities.change(Bucket.ON_HAND, q("-7"))).isInstanceOf(InsufficientInventory.class);
        assertThatThrownBy(() -> quantities.change(Bucket.HOLD, q("7"))).isInstanceOf(InsufficientInventory.class);
    }

    @Test
    void negativeQuantityIsRejected() {
        Quantities quantities = of("10", "0", "0", "0");
        assertThatThrownBy(() -> quantities.reserve(q("-1"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.quarantine(q("-1"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.dispose(q("-0.0001"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> new Quantities(q("-1"), q("0"), q("0"), q("0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void zeroQuantityIsRejected() {
        Quantities quantities = of("10", "2", "2", "2");
        assertThatThrownBy(() -> quantities.reserve(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class)
                .hasMessage("must be greater than 0");
        assertThatThrownBy(() -> quantities.releaseReservation(q("0.0000"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.consumeReservation(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.hold(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.releaseHold(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.releaseQuarantine(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> quantities.dispose(BigDecimal.ZERO)).isInstanceOf(InvalidQuantity.class);
    }

    @Test
    void decimalPrecisionFourPlacesAcceptedFiveRejected() {
        Quantities quantities = of("1", "0", "0", "0");
        assertThat(quantities.reserve(q("0.001")).reserved()).isEqualByComparingTo("0.001");
        assertThat(quantities.reserve(q("0.0001")).reserved()).isEqualByComparingTo("0.0001");
        assertThat(quantities.reserve(q("0.0001")).reserved().toPlainString()).isEqualTo("0.0001");
        assertThatThrownBy(() -> quantities.reserve(q("0.00001")))
                .isInstanceOf(InvalidQuantity.class).hasMessage("must have at most 4 decimals");
        assertThatThrownBy(() -> quantities.adjustOnHandBy(q("1.00001"))).isInstanceOf(InvalidQuantity.class);
        // Nothing was rounded into place: the original is unchanged.
        assertThat(quantities.reserved()).isEqualByComparingTo("0");
    }

    @Test
    void trailingZerosBeyondTheScaleLoseNothingAndAreAccepted() {
        assertThat(of("1", "0", "0", "0").reserve(q("0.50000")).reserved()).isEqualByComparingTo("0.5");
    }

    // Receiving goods (an intake session completing): only on-hand grows.

    @Test
    void receivingAddsToOnHandAndLeavesEveryOtherBucketAlone() {
        Quantities after = of("10", "2", "1", "1", "3").receive(q("5.2500"));
        assertThat(after).isEqualTo(of("15.25", "2", "1", "1", "3"));
        assertThat(after.available()).isEqualByComparingTo("11.25");
    }

    @Test
    void anEmptyBatchCanReceive() {
        assertThat(Quantities.ZERO.receive(q("0.0001")).onHand()).isEqualByComparingTo("0.0001");
    }

    @Test
    void theReceivedQuantityMustBePositiveWithAtMostFourDecimals() {
        for (String bad : new String[] {"0", "-1", "1.00001"}) {
            assertThatThrownBy(() -> Quantities.ZERO.receive(q(bad)))
                    .as(bad).isInstanceOf(InvalidQuantity.class);
        }
        assertThatThrownBy(() -> Quantities.ZERO.receive(null)).isInstanceOf(InvalidQuantity.class);
    }

    @Test
    void theMaximumIsTheLargestValueOfTheQuantityColumns() {
        assertThat(Quantities.MAX).isEqualByComparingTo("99999999999.9999");
        assertThat(Quantities.MAX.scale()).isEqualTo(Quantities.SCALE);
        assertThat(Quantities.MAX.precision() - Quantities.MAX.scale())
                .isEqualTo(Decimals.QUANTITY_INTEGER_DIGITS);
    }

    @Test
    void noOperationGrowsABucketPastTheMaximum() {
        String max = "99999999999.9999";
        Quantities full = of(max, "0", "0", "0");
        assertThat(full.onHand()).isEqualByComparingTo(max);
        assertThatThrownBy(() -> of("1", "0", "0", "0").receive(q("99999999999")))
                .isInstanceOf(InvalidQuantity.class)
                .hasMessage("would make on-hand 100000000000.0000, more than the largest quantity that can be "
                        + "stored (99999999999.9999)");
        assertThatThrownBy(() -> full.receive(q("0.0001"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> full.adjustOnHandBy(q("0.0001"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> full.adjustOnHandTo(q("100000000000"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> full.change(Bucket.ON_HAND, q("1"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> of(max, "0", "0", "0", max).returnFromSamples(q("1")))
                .isInstanceOf(InvalidQuantity.class).hasMessageContaining("on-hand");
        assertThatThrownBy(() -> of(max, "0", "0", "0", "1").moveToSamples(q(max)))
                .isInstanceOf(InvalidQuantity.class).hasMessageContaining("sample");
        // Growing reserved, quarantine or hold is bounded by on-hand, which is itself at most the maximum.
        assertThat(full.reserve(q(max)).reserved()).isEqualByComparingTo(max);
        assertThat(full.adjustOnHandBy(q("-1")).onHand()).isEqualByComparingTo("99999999998.9999");
    }
}
