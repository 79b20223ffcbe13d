package dev.terp.platform.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Marks a rich-text request field (note bodies): instead of losing all markup it keeps the allow-list of
 * api-conventions §6 — b, i, em, strong, p, br, ul, ol, li, and a[href] with http, https or mailto links.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface RichText {

    /** The allow-list sanitiser behind {@link RichText}. */
    final class Sanitizer {

        private static final Safelist ALLOWED = Safelist.none()
                .addTags("b", "i", "em", "strong", "p", "br", "ul", "ol", "li", "a")
                .addAttributes("a", "href")
                .addProtocols("a", "href", "http", "https", "mailto");
        private static final Document.OutputSettings COMPACT = new Document.OutputSettings().prettyPrint(false);

        private Sanitizer() {
        }

        public static String sanitize(String html) {
            return html == null ? null : Jsoup.clean(html, "", ALLOWED, COMPACT);
        }
    }
}
