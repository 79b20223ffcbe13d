package dev.terp.inventory.domain;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static dev.terp.inventory.domain.BatchStatus.AWAITING_INTAKE;
import static dev.terp.inventory.domain.BatchStatus.CLOSED;
import static dev.terp.inventory.domain.BatchStatus.LIVE;
import static dev.terp.inventory.domain.BatchStatus.ON_HOLD;
import static dev.terp.inventory.domain.BatchStatus.PHOTOGRAPHY_COMPLETE;
import static dev.terp.inventory.domain.BatchStatus.QUARANTINED;
import static dev.terp.inventory.domain.BatchStatus.SOLD_OUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchStatusTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "AWAITING_INTAKE, LIVE", "AWAITING_INTAKE, QUARANTINED",
            "LIVE, PHOTOGRAPHY_COMPLETE", "LIVE, ON_HOLD", "LIVE, QUARANTINED", "LIVE, SOLD_OUT",
            "PHOTOGRAPHY_COMPLETE, LIVE", "PHOTOGRAPHY_COMPLETE, ON_HOLD", "PHOTOGRAPHY_COMPLETE, QUARANTINED",
            "PHOTOGRAPHY_COMPLETE, SOLD_OUT",
            "ON_HOLD, LIVE", "ON_HOLD, QUARANTINED",
            "QUARANTINED, LIVE", "QUARANTINED, ON_HOLD", "QUARANTINED, CLOSED",
            "SOLD_OUT, CLOSED"})
    void allowedTransitions(BatchStatus from, BatchStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @Test
    void theAllowedMapIsExactlyTheLifecycle() {
        assertThat(AWAITING_INTAKE.nextStatuses()).containsExactlyInAnyOrder(LIVE, QUARANTINED);
        assertThat(LIVE.nextStatuses()).containsExactlyInAnyOrder(PHOTOGRAPHY_COMPLETE, ON_HOLD, QUARANTINED, SOLD_OUT);
        assertThat(PHOTOGRAPHY_COMPLETE.nextStatuses())
                .containsExactlyInAnyOrder(LIVE, ON_HOLD, QUARANTINED, SOLD_OUT);
        assertThat(ON_HOLD.nextStatuses()).containsExactlyInAnyOrder(LIVE, QUARANTINED);
        assertThat(QUARANTINED.nextStatuses()).containsExactlyInAnyOrder(LIVE, ON_HOLD, CLOSED);
        assertThat(SOLD_OUT.nextStatuses()).containsExactly(CLOSED);
        assertThat(CLOSED.nextStatuses()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BatchStatus.class)
    void stayingInTheSameStatusIsAnAllowedNoOp(BatchStatus status) {
        assertThat(status.moveTo(status)).isEqualTo(status);
    }

    @ParameterizedTest(name = "{0} -/-> {1}")
    @CsvSource({
            "AWAITING_INTAKE, SOLD_OUT", "AWAITING_INTAKE, CLOSED", "AWAITING_INTAKE, ON_HOLD",
            "AWAITING_INTAKE, PHOTOGRAPHY_COMPLETE",
            "LIVE, CLOSED", "LIVE, AWAITING_INTAKE",
            "ON_HOLD, SOLD_OUT", "ON_HOLD, CLOSED",
            "QUARANTINED, SOLD_OUT", "QUARANTINED, PHOTOGRAPHY_COMPLETE",
            "SOLD_OUT, LIVE", "SOLD_OUT, QUARANTINED",
            "PHOTOGRAPHY_COMPLETE, CLOSED"})
    void forbiddenTransitionsThrow(BatchStatus from, BatchStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.moveTo(to))
                .isInstanceOf(InvalidStateTransition.class)
                .hasMessage("A batch cannot go from " + from + " to " + to)
                .satisfies(e -> {
                    assertThat(((InvalidStateTransition) e).from()).isEqualTo(from);
                    assertThat(((InvalidStateTransition) e).to()).isEqualTo(to);
                });
    }

    @Test
    void closedIsTerminal() {
        assertThat(CLOSED.isTerminal()).isTrue();
        for (BatchStatus other : EnumSet.complementOf(EnumSet.of(CLOSED))) {
            assertThat(other.isTerminal()).as(other.name()).isFalse();
            assertThatThrownBy(() -> CLOSED.moveTo(other)).isInstanceOf(InvalidStateTransition.class);
        }
    }

    @Test
    void onlyLiveStockIsSellable() {
        Set<BatchStatus> sellable = EnumSet.noneOf(BatchStatus.class);
        for (BatchStatus status : BatchStatus.values()) {
            if (status.isSellable()) {
                sellable.add(status);
            }
        }
        assertThat(sellable).containsExactlyInAnyOrder(LIVE, PHOTOGRAPHY_COMPLETE);
    }
}
