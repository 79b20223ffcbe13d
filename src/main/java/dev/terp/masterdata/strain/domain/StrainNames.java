package dev.terp.masterdata.strain.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standardized form of a strain name, the key that makes "Blue Dream" and " blue  DREAM" one strain. TERP
 * lower-cased and trimmed; collapsing inner whitespace as well stops double spaces from creating twins.
 */
public final class StrainNames {

    // UNICODE_CHARACTER_CLASS makes \s cover no-break and ideographic spaces too, which String.strip() would keep.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private StrainNames() {
    }

    /** Trimmed, lower-cased (locale-independent), inner whitespace collapsed to one space. */
    public static String standardize(String name) {
        return WHITESPACE.matcher(name).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /**
     * The aliases to store: trimmed, blanks dropped, and the second of two aliases with the same standardized form
     * dropped, keeping the first spelling the user gave.
     */
    public static List<String> distinctAliases(List<String> aliases) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> distinct = new ArrayList<>();
        for (String alias : aliases) {
            String trimmed = WHITESPACE.matcher(alias).replaceAll(" ").strip();
            if (!trimmed.isEmpty() && seen.add(standardize(trimmed))) {
                distinct.add(trimmed);
            }
        }
        return List.copyOf(distinct);
    }
}
