package dev.terp.inventory.domain;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.domain.LocationStock.Occupancy;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.inventory.domain.LocationStock.Transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocationStockTest {

    private static BigDecimal q(String value) {
        return new BigDecimal(value);
    }

    private static Slot slot(long locationId, String quantity) {
        return new Slot(locationId, q(quantity));
    }

    @Test
    void decreaseTakesFromTheFullestLocationFirstAndSpillsOver() {
        List<Slot> changed = LocationStock.applyOnHandChange(
                List.of(slot(1, "2"), slot(2, "5"), slot(3, "4")), q("-7"));
        assertThat(changed).containsExactly(slot(2, "0.0000"), slot(3, "2.0000"));
    }

    @Test
    void tiesGoToTheLowerLocationId() {
        assertThat(LocationStock.applyOnHandChange(List.of(slot(7, "3"), slot(4, "3")), q("-1")))
                .containsExactly(slot(4, "2.0000"));
        assertThat(LocationStock.applyOnHandChange(List.of(slot(7, "3"), slot(4, "3")), q("2.5")))
                .containsExactly(slot(4, "5.5000"));
    }

    @Test
    void increaseGoesToTheFullestLocation() {
        assertThat(LocationStock.applyOnHandChange(List.of(slot(1, "1"), slot(2, "9")), q("1")))
                .containsExactly(slot(2, "10.0000"));
    }

    @Test
    void locationCapacityAcceptsAdditionsUpToItAndNoMore() {
        Occupancy occupancy = new Occupancy(q("10"), q("7.5"));
        occupancy.requireRoomFor(q("2.5"));
        assertThatThrownBy(() -> occupancy.requireRoomFor(q("2.5001")))
                .isInstanceOf(LocationFull.class)
                .hasMessage("holds 7.5000 of 10.0000; 2.5001 more do not fit");
    }

    @Test
    void locationCapacityNeverRefusesRemovalsUnlimitedLocationsOrAnOverfullLocationsOutflow() {
        new Occupancy(null, q("1000000")).requireRoomFor(q("5"));
        Occupancy overfull = new Occupancy(q("40"), q("50"));
        overfull.requireRoomFor(q("-10"));
        overfull.requireRoomFor(q("0"));
        assertThatThrownBy(() -> overfull.requireRoomFor(q("0.0001"))).isInstanceOf(LocationFull.class);
    }

    @Test
    void anUnplacedBatchOrNoChangeTouchesNothing() {
        assertThat(LocationStock.applyOnHandChange(List.of(), q("-3"))).isEmpty();
        assertThat(LocationStock.applyOnHandChange(List.of(slot(1, "1")), q("0"))).isEmpty();
    }

    @Test
    void decreaseBeyondWhatTheLocationsHoldIsRefused() {
        assertThatThrownBy(() -> LocationStock.applyOnHandChange(List.of(slot(1, "1"), slot(2, "1")), q("-2.0001")))
                .isInstanceOf(InsufficientInventory.class).hasMessageContaining("2.0000 across its locations");
    }

    @Test
    void removingEverythingEmptiesEveryLocation() {
        assertThat(LocationStock.applyOnHandChange(List.of(slot(1, "1"), slot(2, "0"), slot(3, "2")), q("-3")))
                .containsExactly(slot(1, "0.0000"), slot(3, "0.0000"));
    }

    @Test
    void transferMovesBetweenTwoSlots() {
        Transfer moved = LocationStock.transfer(slot(1, "5"), slot(2, "1"), q("5"));
        assertThat(moved.from()).isEqualTo(slot(1, "0.0000"));
        assertThat(moved.to()).isEqualTo(slot(2, "6.0000"));
    }

    @Test
    void transferRefusesMoreThanTheSourceHoldsSameLocationAndBadQuantities() {
        assertThatThrownBy(() -> LocationStock.transfer(slot(1, "5"), slot(2, "1"), q("5.0001")))
                .isInstanceOf(InsufficientInventory.class).hasMessageContaining("5.0000 at location 1");
        assertThatThrownBy(() -> LocationStock.transfer(slot(1, "5"), slot(1, "5"), q("1")))
                .isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> LocationStock.transfer(slot(1, "5"), slot(2, "1"), q("0")))
                .isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> LocationStock.transfer(slot(1, "5"), slot(2, "1"), q("-1")))
                .isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> new Slot(1, q("-1"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noSlotGrowsPastTheLargestStorableQuantity() {
        String max = "99999999999.9999";
        assertThat(slot(1, max).quantity()).isEqualByComparingTo(max);
        assertThatThrownBy(() -> slot(1, "100000000000"))
                .isInstanceOf(InvalidQuantity.class)
                .hasMessage("would make the quantity at location 1 100000000000.0000, more than the largest quantity "
                        + "that can be stored (99999999999.9999)");
        assertThatThrownBy(() -> LocationStock.applyOnHandChange(List.of(slot(1, max), slot(2, "0")), q("0.0001")))
                .isInstanceOf(InvalidQuantity.class);
        assertThatThrownBy(() -> LocationStock.transfer(slot(1, "1"), slot(2, max), q("1")))
                .isInstanceOf(InvalidQuantity.class);
    }
}
