package dev.terp.masterdata.product.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The canonical product name (TERP intake, domain §4.1 step 2): the key that makes "BLUE DREAM!!" and
 * " blue dream" one product of a brand.
 *
 * <p>Steps: Unicode NFKC (full-width and compatibility forms become their plain letters), lower-case, delete every
 * character that is neither a letter, a digit, a combining mark nor whitespace, collapse whitespace, Title Case each
 * word. Punctuation and symbols are deleted, not replaced by a space, as TERP did ({@code "pre-roll"} →
 * {@code "Preroll"}, {@code "Jack's"} → {@code "Jacks"}), so names carried over from TERP keep their keys.
 *
 * <p>Deliberate differences from TERP's {@code normalizeProductName}: letters and digits of every script survive
 * (TERP's ASCII-only {@code [^\w\s]} deleted "é" and "日本" but kept "_"; "_" is punctuation here); NFKC runs before
 * lower-casing, so a compatibility character that expands to capitals ("㎒" → "MHz") ends up "Mhz" like the
 * spelled-out word; the result is trimmed after punctuation is gone (TERP left a leading space for "- blue"); and a
 * decimal point between two digits stays, so "Blue Dream 3.5g" and "Blue Dream 35g" remain two products.
 */
public final class ProductNames {

    /** A decimal point between digits is part of a number ("3.5g"), not punctuation. */
    private static final Pattern NOT_LETTER_DIGIT_MARK_SPACE_OR_DECIMAL_POINT = Pattern.compile(
            "(?!(?<=\\p{N})\\.(?=\\p{N}))[^\\p{L}\\p{N}\\p{M}\\s]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private ProductNames() {
    }

    /** The canonical form of {@code name}; empty when the name holds no letter or digit at all. */
    public static String canonical(String name) {
        String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        text = NOT_LETTER_DIGIT_MARK_SPACE_OR_DECIMAL_POINT.matcher(text).replaceAll("");
        text = WHITESPACE.matcher(text).replaceAll(" ").strip();
        return titleCase(text);
    }

    private static String titleCase(String words) {
        StringBuilder result = new StringBuilder(words.length());
        boolean atWordStart = true;
        for (int i = 0; i < words.length(); ) {
            int codePoint = words.codePointAt(i);
            result.appendCodePoint(atWordStart ? Character.toTitleCase(codePoint) : codePoint);
            atWordStart = codePoint == ' ';
            i += Character.charCount(codePoint);
        }
        return result.toString();
    }
}
