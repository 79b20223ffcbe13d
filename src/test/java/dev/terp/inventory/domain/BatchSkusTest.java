package dev.terp.inventory.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchSkusTest {

    @Test
    void firstFourAlphanumericsOfBrandAndProductThenTheBatchNumber() {
        assertThat(BatchSkus.sku("Emerald Farms", "Blue Dream", "BCH-000042")).isEqualTo("EMER-BLUE-000042");
    }

    @Test
    void shortNamesArePaddedWithX() {
        assertThat(BatchSkus.sku("Ox", "A", "BCH-000001")).isEqualTo("OXXX-AXXX-000001");
        assertThat(BatchSkus.part("")).isEqualTo("XXXX");
        assertThat(BatchSkus.part("!!!")).isEqualTo("XXXX");
    }

    @Test
    void nonAlphanumericsAreSkipped() {
        assertThat(BatchSkus.part("O'B-r i.e.n")).isEqualTo("OBRI");
        assertThat(BatchSkus.part("  3.5g pre-roll")).isEqualTo("35GP");
        assertThat(BatchSkus.part("_a_b")).isEqualTo("ABXX");
    }

    @Test
    void unicodeLettersCountAndAreUpperCased() {
        assertThat(BatchSkus.part("émeraude")).isEqualTo("ÉMER");
        assertThat(BatchSkus.part("日本茶")).isEqualTo("日本茶X");
        assertThat(BatchSkus.part("straße")).isEqualTo("STRA");
        assertThat(BatchSkus.part("aß")).isEqualTo("ASSX");
        // A letter outside the BMP is one letter, not two chars.
        assertThat(BatchSkus.part("𝒜bc")).isEqualTo("𝒜BCX");
    }

    @Test
    void aCodeWithoutANumberIsRefused() {
        assertThatThrownBy(() -> BatchSkus.sku("a", "b", "BCH-")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BatchSkus.sku("a", "b", "BCH-12A")).isInstanceOf(IllegalArgumentException.class);
    }
}
