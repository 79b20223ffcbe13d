package dev.terp.masterdata.strain.domain;

import java.util.Locale;
import java.util.Optional;

/** The botanical family of a strain. */
public enum StrainCategory {
    INDICA, SATIVA, HYBRID;

    /**
     * Reads a stored or requested value. TERP stored these in lower case, so rows migrated from it are read
     * case-insensitively; an unknown value is empty rather than an exception, and the caller decides what that means.
     */
    public static Optional<StrainCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
