package dev.terp.platform.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-text and rich-text rules of api-conventions §6. */
class PlainTextTest {

    @Test
    void aLessThanSignThatStartsNoTagIsKept() {
        assertThat(PlainText.strip("THC < 20%")).isEqualTo("THC < 20%");
        assertThat(PlainText.strip("1<2 && 3>2")).isEqualTo("1<2 && 3>2");
        assertThat(PlainText.strip("<3 love")).isEqualTo("<3 love");
        assertThat(PlainText.strip("a <= b")).isEqualTo("a <= b");
    }

    @Test
    void scriptElementsDisappearWithTheirContent() {
        assertThat(PlainText.strip("<script>alert(1)</script>Blue")).isEqualTo("Blue");
        assertThat(PlainText.strip("<style>body{display:none}</style>Blue")).isEqualTo("Blue");
    }

    @Test
    void formattingTagsGoAndTheirTextStays() {
        assertThat(PlainText.strip("<b>Blue</b> Dream")).isEqualTo("Blue Dream");
        assertThat(PlainText.strip("<a href=\"https://x\">Blue</a> Dream")).isEqualTo("Blue Dream");
    }

    @Test
    void attributesCarryingScriptGoWithTheirTag() {
        assertThat(PlainText.strip("Blue<img src=x onerror=alert(1)> Dream")).isEqualTo("Blue Dream");
        assertThat(PlainText.strip("<svg onload=alert(1)>Blue</svg>")).isEqualTo("Blue");
    }

    @Test
    void encodedTagsCannotBeSmuggledIn() {
        assertThat(PlainText.strip("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .doesNotContainIgnoringCase("<script").doesNotContain("<");
        // Twice encoded, decimal references, and a tag split around another one.
        assertThat(PlainText.strip("&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;Blue"))
                .isEqualTo("Blue");
        assertThat(PlainText.strip("&#60;script&#62;alert(1)&#60;/script&#62;Blue")).isEqualTo("Blue");
        assertThat(PlainText.strip("<<script>script>alert(1)<</script>/script>")).doesNotContain("<");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<textarea><script>alert(1)</script></textarea>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<svg><script>alert(1)</script></svg>",
            "<scr<script>ipt>alert(1)</script>",
            "<iframe src=javascript:alert(1)></iframe>",
            "<plaintext><script>alert(1)"})
    void noKnownPayloadLeavesATagBehind(String payload) {
        String stripped = PlainText.strip("Blue " + payload + " Dream");

        assertThat(stripped).doesNotContainPattern("<[A-Za-z/!?]").doesNotContainIgnoringCase("<script")
                .doesNotContainIgnoringCase("onerror").startsWith("Blue ");
        // Whatever is left is a fixed point: stripping again changes nothing.
        assertThat(PlainText.strip(stripped)).isEqualTo(stripped);
    }

    @Test
    void lineBreaksAndOtherWhitespaceArePreserved() {
        assertThat(PlainText.strip("line 1\nline 2")).isEqualTo("line 1\nline 2");
        assertThat(PlainText.strip("<b>line 1</b>\r\n\tline 2")).isEqualTo("line 1\r\n\tline 2");
        assertThat(PlainText.strip("line 1<br>line 2")).isEqualTo("line 1\nline 2");
    }

    @Test
    void textWithoutMarkupIsReturnedAsIs() {
        String text = "Blue Dream, 1/8 oz (pre-roll) - 20% THC";
        assertThat(PlainText.strip(text)).isSameAs(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(PlainText.strip(null)).isNull();
        assertThat(RichText.Sanitizer.sanitize(null)).isNull();
    }

    @Test
    void richTextKeepsTheAllowListedFormatting() {
        String html = "<p><b>Bold</b> <i>it</i> <em>em</em> <strong>strong</strong><br></p>"
                + "<ul><li>one</li></ul><ol><li>two</li></ol>"
                + "<a href=\"https://x\">web</a> <a href=\"mailto:a@b.c\">mail</a>";

        String clean = RichText.Sanitizer.sanitize(html);

        assertThat(clean).contains("<b>Bold</b>", "<i>it</i>", "<em>em</em>", "<strong>strong</strong>", "<br>",
                "<ul><li>one</li></ul>", "<ol><li>two</li></ol>", "<a href=\"https://x\">web</a>",
                "<a href=\"mailto:a@b.c\">mail</a>", "<p>");
    }

    @Test
    void richTextDropsEverythingElse() {
        String clean = RichText.Sanitizer.sanitize("<a href=\"https://x\" onclick=\"steal()\">ok</a>"
                + "<a href=\"javascript:alert(1)\">bad</a><img src=x onerror=alert(1)>"
                + "<script>alert(2)</script><div style=\"color:red\">div</div>");

        assertThat(clean).contains("<a href=\"https://x\">ok</a>", "bad", "div")
                .doesNotContainIgnoringCase("onclick")
                .doesNotContainIgnoringCase("javascript:")
                .doesNotContainIgnoringCase("<img")
                .doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("<script")
                .doesNotContain("alert(2)")
                .doesNotContain("<div")
                .doesNotContain("style");
    }
}
