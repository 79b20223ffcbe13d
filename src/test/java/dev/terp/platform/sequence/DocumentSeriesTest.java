package dev.terp.platform.sequence;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentSeriesTest {

    @Test
    void formatsPlainAndYearlyNumbersAsTheDomainDocumentShowsThem() {
        assertThat(new DocumentSeries("LOT", NumberingStrategy.STANDARD, 6, false).format(123, 2026))
                .isEqualTo("LOT-000123");
        assertThat(new DocumentSeries("JE", NumberingStrategy.GAPLESS, 6, true).format(1, 2026))
                .isEqualTo("JE-2026-000001");
    }

    @Test
    void numbersWiderThanTheirWidthAreNotTruncated() {
        assertThat(new DocumentSeries("ORD", NumberingStrategy.STANDARD, 3, false).format(12345, 2026))
                .isEqualTo("ORD-12345");
    }

    @Test
    void yearlyGaplessSeriesKeepOneCounterPerYear() {
        DocumentSeries journal = new DocumentSeries("JE", NumberingStrategy.GAPLESS, 6, true);
        assertThat(journal.counterKey(2026)).isEqualTo("JE-2026");
        assertThat(journal.counterKey(2027)).isEqualTo("JE-2027");
        assertThat(new DocumentSeries("LOT", NumberingStrategy.STANDARD, 6, false).counterKey(2026)).isEqualTo("LOT");
    }

    @Test
    void theAllocationTableIsDerivedFromTheValidatedPrefix() {
        assertThat(new DocumentSeries("BATCH", NumberingStrategy.STANDARD, 6, false).allocationTable())
                .isEqualTo("seq_batch");
        assertThatThrownBy(() -> new DocumentSeries("lot; DROP TABLE x", NumberingStrategy.STANDARD, 6, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentSeries("LOT", NumberingStrategy.STANDARD, 0, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DocumentSeries("LOT", NumberingStrategy.STANDARD, 6, false).format(0, 2026))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
