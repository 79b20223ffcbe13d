package dev.terp.platform.sequence;

import java.util.regex.Pattern;

/**
 * A numbered document type, declared as a constant by the module that owns it, e.g.
 * {@code new DocumentSeries("LOT", NumberingStrategy.STANDARD, 6, false)} gives {@code LOT-000123} and
 * {@code new DocumentSeries("JE", NumberingStrategy.GAPLESS, 6, true)} gives {@code JE-2026-000001}.
 *
 * <p>A STANDARD series allocates from its own table {@code seq_<prefix in lower case>}
 * ({@code id BIGINT AUTO_INCREMENT PRIMARY KEY, allocated_at TIMESTAMP(6)}), created by the owning module's
 * migration. A GAPLESS series keeps one row per prefix (and year, when yearly) in {@code document_counters}.
 */
public record DocumentSeries(String prefix, NumberingStrategy strategy, int width, boolean yearly) {

    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]{0,15}");

    public DocumentSeries {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("A series prefix is 1-16 upper-case letters or digits: " + prefix);
        }
        if (strategy == null) {
            throw new IllegalArgumentException("A series needs a numbering strategy");
        }
        if (width < 1 || width > 18) {
            throw new IllegalArgumentException("Number width must be 1-18, was " + width);
        }
    }

    /** The allocation table of a STANDARD series. */
    public String allocationTable() {
        return "seq_" + prefix.toLowerCase(java.util.Locale.ROOT);
    }

    /** The key of this series' row in {@code document_counters} for the given year. */
    public String counterKey(int year) {
        return yearly ? prefix + "-" + year : prefix;
    }

    /** Formats an allocated number, e.g. {@code LOT-000123} or {@code JE-2026-000001}. */
    public String format(long number, int year) {
        if (number < 1) {
            throw new IllegalArgumentException("Document numbers start at 1, got " + number);
        }
        String digits = String.format("%0" + width + "d", number);
        return yearly ? prefix + "-" + year + "-" + digits : prefix + "-" + digits;
    }
}
