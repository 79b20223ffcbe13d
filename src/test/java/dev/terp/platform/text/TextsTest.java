package dev.terp.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void blankTextBecomesNull() {
        assertThat(Texts.blankToNull(null)).isNull();
        assertThat(Texts.blankToNull("")).isNull();
        assertThat(Texts.blankToNull(" \t\n ")).isNull();
    }

    @Test
    void otherTextIsTrimmed() {
        assertThat(Texts.blankToNull("  Shelf 3 ")).isEqualTo("Shelf 3");
        assertThat(Texts.blankToNull("a")).isEqualTo("a");
    }
}
