package dev.terp.inventory.domain;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static dev.terp.inventory.domain.BatchStatus.CLOSED;
import static dev.terp.inventory.domain.BatchStatus.LIVE;
import static dev.terp.inventory.domain.BatchStatus.ON_HOLD;
import static dev.terp.inventory.domain.BatchStatus.PHOTOGRAPHY_COMPLETE;
import static dev.terp.inventory.domain.BatchStatus.QUARANTINED;
import static dev.terp.inventory.domain.BatchStatus.SOLD_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchLifecycleTest {

    private static Quantities stock(String onHand, String reserved, String quarantine, String hold, String sample) {
        return new Quantities(new BigDecimal(onHand), new BigDecimal(reserved), new BigDecimal(quarantine),
                new BigDecimal(hold), new BigDecimal(sample));
    }

    @Test
    void closingNeedsEveryBucketAtZeroAndNamesWhatIsLeft() {
        assertThat(BatchLifecycle.move(QUARANTINED, CLOSED, Quantities.ZERO)).isEqualTo(CLOSED);
        assertThatThrownBy(() -> BatchLifecycle.move(QUARANTINED, CLOSED, stock("0", "0", "0", "0", "1.5")))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessageContaining("1.5000 in the sample pool")
                .hasMessageNotContaining("on hand");
        assertThatThrownBy(() -> BatchLifecycle.move(SOLD_OUT, CLOSED, stock("3", "2", "1", "0", "0")))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessageContaining("3.0000 on hand, 2.0000 reserved, 1.0000 in quarantine");
    }

    @Test
    void soldOutByHandNeedsNothingAvailableButMayKeepPromisedUnits() {
        assertThatThrownBy(() -> BatchLifecycle.move(LIVE, SOLD_OUT, stock("5", "4", "0", "0", "0")))
                .isInstanceOf(InvalidStateTransition.class).hasMessageContaining("1.0000 available");
        assertThat(BatchLifecycle.move(LIVE, SOLD_OUT, stock("5", "3", "1", "1", "0"))).isEqualTo(SOLD_OUT);
    }

    @Test
    void theLifecycleMapStillRulesAndStayingIsANoOp() {
        assertThatThrownBy(() -> BatchLifecycle.move(LIVE, CLOSED, Quantities.ZERO))
                .isInstanceOf(InvalidStateTransition.class);
        assertThat(BatchLifecycle.move(CLOSED, CLOSED, Quantities.ZERO)).isEqualTo(CLOSED);
        assertThat(BatchLifecycle.move(SOLD_OUT, SOLD_OUT, stock("5", "0", "0", "0", "0"))).isEqualTo(SOLD_OUT);
    }

    @Test
    void onlyASaleThatEmptiesOnHandOfABatchOnSaleSellsItOut() {
        assertThat(BatchLifecycle.soldOutBySale(LIVE, Quantities.ZERO)).isTrue();
        assertThat(BatchLifecycle.soldOutBySale(PHOTOGRAPHY_COMPLETE, stock("0", "0", "0", "0", "2"))).isTrue();
        assertThat(BatchLifecycle.soldOutBySale(LIVE, stock("1", "1", "0", "0", "0"))).isFalse();
        assertThat(BatchLifecycle.soldOutBySale(SOLD_OUT, Quantities.ZERO)).isFalse();
        assertThat(BatchLifecycle.soldOutBySale(ON_HOLD, Quantities.ZERO)).isFalse();
    }

    @Test
    void heldOrQuarantinedBatchesShipNothingWhileSoldOutOnesShipWhatTheyPromised() {
        assertThat(SOLD_OUT.canShipReservations()).isTrue();
        assertThat(LIVE.canShipReservations()).isTrue();
        assertThat(ON_HOLD.canShipReservations()).isFalse();
        assertThat(QUARANTINED.canShipReservations()).isFalse();
        assertThat(SOLD_OUT.isSellable()).isFalse();
    }
}
