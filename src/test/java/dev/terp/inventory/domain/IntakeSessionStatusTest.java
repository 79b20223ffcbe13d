package dev.terp.inventory.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.terp.inventory.domain.IntakeSessionStatus.CANCELLED;
import static dev.terp.inventory.domain.IntakeSessionStatus.COMPLETED;
import static dev.terp.inventory.domain.IntakeSessionStatus.IN_PROGRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeSessionStatusTest {

    @Test
    void anOpenSessionCanBeCompletedOrCancelled() {
        assertThat(IN_PROGRESS.moveTo(COMPLETED)).isEqualTo(COMPLETED);
        assertThat(IN_PROGRESS.moveTo(CANCELLED)).isEqualTo(CANCELLED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "IN_PROGRESS, IN_PROGRESS",
            "COMPLETED, COMPLETED", "COMPLETED, CANCELLED", "COMPLETED, IN_PROGRESS",
            "CANCELLED, CANCELLED", "CANCELLED, COMPLETED", "CANCELLED, IN_PROGRESS"})
    void everyOtherMoveIsRefusedNamingBothEnds(IntakeSessionStatus from, IntakeSessionStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        assertThatThrownBy(() -> from.moveTo(to))
                .isInstanceOfSatisfying(InvalidIntakeSessionTransition.class, refused -> {
                    assertThat(refused.from()).isEqualTo(from);
                    assertThat(refused.to()).isEqualTo(to);
                })
                .hasMessage("An intake session cannot go from " + from + " to " + to);
    }

    @Test
    void completingTwiceIsRefusedSoStockIsNeverReceivedTwice() {
        assertThatThrownBy(() -> IN_PROGRESS.moveTo(COMPLETED).moveTo(COMPLETED))
                .isInstanceOf(InvalidIntakeSessionTransition.class);
    }

    @Test
    void onlyAnOpenSessionIsEditableAndBothEndsAreTerminal() {
        assertThat(IN_PROGRESS.isEditable()).isTrue();
        assertThat(COMPLETED.isEditable()).isFalse();
        assertThat(CANCELLED.isEditable()).isFalse();
        assertThat(IN_PROGRESS.isTerminal()).isFalse();
        assertThat(COMPLETED.isTerminal()).isTrue();
        assertThat(CANCELLED.isTerminal()).isTrue();
    }
}
