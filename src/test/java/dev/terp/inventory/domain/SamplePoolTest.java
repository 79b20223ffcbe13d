package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sample pool inside {@link Quantities}: fed from available on-hand, not part of on-hand (domain §4.2). */
class SamplePoolTest {

    private static BigDecimal q(String value) {
        return new BigDecimal(value);
    }

    @Test
    void movingToSamplesTakesAvailableOnHandIntoThePool() {
        Quantities after = new Quantities(q("10"), q("2"), q("1"), q("0")).moveToSamples(q("3.5"));
        assertThat(after.onHand()).isEqualByComparingTo("6.5");
        assertThat(after.sample()).isEqualByComparingTo("3.5");
        assertThat(after.of(Bucket.SAMPLE)).isEqualByComparingTo("3.5");
        assertThat(after.reserved()).isEqualByComparingTo("2");
        assertThat(after.available()).isEqualByComparingTo("3.5");
    }

    @Test
    void movingMoreThanAvailableIsRefusedEvenIfOnHandWouldCoverIt() {
        Quantities batch = new Quantities(q("10"), q("4"), q("3"), q("1"));
        assertThatThrownBy(() -> batch.moveToSamples(q("2.0001")))
                .isInstanceOf(InsufficientInventory.class).hasMessageContaining("2.0000 available");
        assertThat(batch.moveToSamples(q("2")).available()).isEqualByComparingTo("0");
    }

    @Test
    void returningPutsUnitsBackOnHandAndIsLimitedByThePool() {
        Quantities withPool = new Quantities(q("5"), q("0"), q("0"), q("0"), q("2"));
        Quantities after = withPool.returnFromSamples(q("2"));
        assertThat(after.onHand()).isEqualByComparingTo("7");
        assertThat(after.sample()).isEqualByComparingTo("0");
        assertThatThrownBy(() -> withPool.returnFromSamples(q("2.5")))
                .isInstanceOf(InsufficientInventory.class).hasMessageContaining("in the sample pool");
    }

    @Test
    void badQuantitiesAreInvalid() {
        Quantities batch = new Quantities(q("5"), q("0"), q("0"), q("0"));
        assertThatThrownBy(() -> batch.moveToSamples(q("0"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> batch.moveToSamples(q("-1"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> batch.moveToSamples(q("0.00001"))).isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> batch.returnFromSamples(null)).isInstanceOf(InvalidQuantity.class);
    }

    @Test
    void otherOperationsCarryThePoolAlong() {
        Quantities batch = new Quantities(q("10"), q("0"), q("0"), q("0"), q("3"));
        assertThat(batch.reserve(q("1")).sample()).isEqualByComparingTo("3");
        assertThat(batch.hold(q("1")).releaseHold(q("1")).sample()).isEqualByComparingTo("3");
        assertThat(batch.quarantine(q("1")).sample()).isEqualByComparingTo("3");
        assertThat(batch.dispose(q("1")).sample()).isEqualByComparingTo("3");
        assertThat(batch.adjustOnHandBy(q("-1")).sample()).isEqualByComparingTo("3");
        assertThat(batch.adjustOnHandTo(q("0")).sample()).isEqualByComparingTo("3");
        assertThat(batch.change(Bucket.ON_HAND, q("1")).sample()).isEqualByComparingTo("3");
        assertThatThrownBy(() -> batch.change(Bucket.SAMPLE, q("1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
