package dev.terp.masterdata.strain.domain;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StrainNamesTest {

    @Test
    void trimsLowerCasesAndCollapsesInnerWhitespace() {
        assertThat(StrainNames.standardize("  Blue   DREAM ")).isEqualTo("blue dream");
        assertThat(StrainNames.standardize("Blue\tDream\n#2")).isEqualTo("blue dream #2");
    }

    @Test
    void keepsPunctuationAndDigitsBecauseTheyTellStrainsApart() {
        assertThat(StrainNames.standardize("GSC #4")).isNotEqualTo(StrainNames.standardize("GSC 4"));
        assertThat(StrainNames.standardize("Girl Scout Cookies (GSC)")).isEqualTo("girl scout cookies (gsc)");
    }

    @Test
    void treatsNoBreakAndIdeographicSpacesAsWhitespace() {
        assertThat(StrainNames.standardize("\u00A0Sour\u00A0\u00A0Diesel\u3000")).isEqualTo("sour diesel");
        assertThat(StrainNames.standardize("Sour\u2003Diesel")).isEqualTo("sour diesel");
    }

    @Test
    void lowerCasesIndependentlyOfTheDefaultLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr"));
            assertThat(StrainNames.standardize("WHITE WIDOW")).isEqualTo("white widow");
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void isIdempotent() {
        String once = StrainNames.standardize("  Northern   LIGHTS ");
        assertThat(StrainNames.standardize(once)).isEqualTo(once);
    }

    @Test
    void namesThatDifferOnlyInCaseAndSpacingShareTheirStandardizedName() {
        assertThat(StrainNames.standardize("OG Kush")).isEqualTo(StrainNames.standardize(" og  KUSH"));
    }

    @Test
    void distinctAliasesTrimsDropsBlanksAndKeepsTheFirstSpellingOfDuplicates() {
        List<String> aliases = new ArrayList<>(List.of(" GSC ", "Girl  Scout", "", "gsc", "girl scout", "Cookies"));
        assertThat(StrainNames.distinctAliases(aliases)).containsExactly("GSC", "Girl Scout", "Cookies");
        assertThat(StrainNames.distinctAliases(List.of())).isEmpty();
    }
}
