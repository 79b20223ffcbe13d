package dev.terp.masterdata.product.domain;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProductNamesTest {

    @Test
    void trimsCollapsesStripsPunctuationAndTitleCases() {
        assertThat(ProductNames.canonical("  blue   DREAM!! ")).isEqualTo("Blue Dream");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> \"{1}\"")
    @MethodSource("punctuatedNames")
    void treatsApostrophesHyphensAndOtherPunctuationOrSymbolsAsRemovable(String input, String expected) {
        assertThat(ProductNames.canonical(input)).isEqualTo(expected);
    }

    static Stream<Arguments> punctuatedNames() {
        return Stream.of(
                Arguments.of("OG Kush", "Og Kush"),
                Arguments.of("og kush", "Og Kush"),
                Arguments.of("OG KUSH", "Og Kush"),
                Arguments.of("Jack's Cleaner", "Jacks Cleaner"),
                Arguments.of("Jack\u2019s Cleaner", "Jacks Cleaner"), // typographic apostrophe
                Arguments.of("Pre-Roll 1g", "Preroll 1g"),
                Arguments.of("Pre\u2013Roll", "Preroll"), // en dash
                Arguments.of("Blue Dream/OG", "Blue Dreamog"),
                Arguments.of("\"Quoted\" (Name), v.2; [x] {y}", "Quoted Name V2 X Y"),
                Arguments.of("Wedding_Cake", "Weddingcake"),
                Arguments.of("- blue", "Blue"),
                Arguments.of("!!blue!!", "Blue"),
                Arguments.of("a - b", "A B"),
                Arguments.of("3.5g Jar", "3.5g Jar"), // a decimal point inside a number stays
                Arguments.of("v.2 Jar.", "V2 Jar"), // ... but not next to a letter
                Arguments.of("100% Pure", "100 Pure"),
                Arguments.of("Gelato #33 $ + ^ ` | ~ < > =", "Gelato 33"),
                Arguments.of("«Guillemets» ¿qué? ¡sí!", "Guillemets Qué Sí"),
                Arguments.of("1g", "1g"));
    }

    @Test
    void foldsFullWidthAndCompatibilityCharactersThroughNfkc() {
        assertThat(ProductNames.canonical("ＢＬＵＥ　ＤＲＥＡＭ")).isEqualTo("Blue Dream"); // full-width letters and space
        assertThat(ProductNames.canonical("ﬁre og")).isEqualTo("Fire Og"); // ligature fi
        assertThat(ProductNames.canonical("Ｇｅｌａｔｏ　＃３３")).isEqualTo("Gelato 33"); // full-width digits and '#'
        assertThat(ProductNames.canonical("x²")).isEqualTo("X2");
        assertThat(ProductNames.canonical("㎒ chip")).isEqualTo("Mhz Chip"); // expands to capitals, then lower-cased
        assertThat(ProductNames.canonical("ǆungla")).isEqualTo("Džungla"); // the dž digraph is split into d + ž
        assertThat(ProductNames.canonical("OG™")).isEqualTo("Ogtm"); // NFKC spells ™ out before symbols go
    }

    @Test
    void keepsLettersAndDigitsOfEveryScript() {
        assertThat(ProductNames.canonical("crème brûlée")).isEqualTo("Crème Brûlée");
        assertThat(ProductNames.canonical("e\u0301clair")).isEqualTo("\u00C9clair"); // NFKC composes e + acute
        assertThat(ProductNames.canonical("日本 茶")).isEqualTo("日本 茶");
        assertThat(ProductNames.canonical("ΑΛΦΑ βήτα")).isEqualTo("Αλφα Βήτα");
        assertThat(ProductNames.canonical("Ünïcödé")).isEqualTo("Ünïcödé");
        assertThat(ProductNames.canonical("٣ نجوم")).isEqualTo("٣ نجوم"); // Arabic-Indic digit and letters
    }

    @Test
    void collapsesEveryKindOfWhitespace() {
        assertThat(ProductNames.canonical("blue\t\n dream")).isEqualTo("Blue Dream");
        assertThat(ProductNames.canonical("blue\u00A0\u2003dream\u3000")).isEqualTo("Blue Dream");
    }

    @Test
    void titleCasesOnlyTheFirstLetterOfEachWord() {
        assertThat(ProductNames.canonical("mcDONALD's OG")).isEqualTo("Mcdonalds Og");
        assertThat(ProductNames.canonical("7up")).isEqualTo("7up");
    }

    @Test
    void removesEmojiAndOtherSymbols() {
        assertThat(ProductNames.canonical("Fire 🔥 OG® ©")).isEqualTo("Fire Og");
    }

    @Test
    void isIndependentOfTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(ProductNames.canonical("WHITE WIDOW")).isEqualTo("White Widow");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void isEmptyWhenNothingButPunctuationAndSpaceRemains() {
        assertThat(ProductNames.canonical("")).isEmpty();
        assertThat(ProductNames.canonical("   ")).isEmpty();
        assertThat(ProductNames.canonical("!!! -- ???")).isEmpty();
        assertThat(ProductNames.canonical("🔥")).isEmpty();
    }

    @Test
    void isIdempotent() {
        for (String name : new String[] {"  blue   DREAM!! ", "ＢＬＵＥ　ＤＲＥＡＭ", "Jack's Pre-Roll", "crème brûlée"}) {
            String once = ProductNames.canonical(name);
            assertThat(ProductNames.canonical(once)).as(name).isEqualTo(once);
        }
    }

    @Test
    void namesThatDifferOnlyInCaseSpacingOrPunctuationShareTheirCanonicalName() {
        assertThat(ProductNames.canonical("BLUE DREAM")).isEqualTo(ProductNames.canonical(" blue  dream! "))
                .isNotEqualTo(ProductNames.canonical("blue dreams"));
    }
}
