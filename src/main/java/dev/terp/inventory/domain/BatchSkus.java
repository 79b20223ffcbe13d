package dev.terp.inventory.domain;

import java.util.Locale;

/**
 * Batch SKUs: {@code <BRND>-<PROD>-<batch number digits>}, e.g. {@code EMER-BLUE-000042}. BRND/PROD are the first
 * four letters or digits of the upper-cased brand and product names, right-padded with {@code X} (TERP's intake,
 * domain §4.1). The suffix is the batch's own allocated number, not TERP's date plus a sequence fixed at 1, so a
 * second intake of the same brand and product on the same day gets a different SKU (D-15).
 */
public final class BatchSkus {

    static final int PART_LENGTH = 4;
    private static final char PADDING = 'X';

    private BatchSkus() {
    }

    /** {@code batchCode} is the batch's document number ({@code BCH-000042}); its digits end the SKU. */
    public static String sku(String brandName, String productName, String batchCode) {
        int dash = batchCode.lastIndexOf('-');
        String digits = batchCode.substring(dash + 1);
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("A batch code ends in its number: " + batchCode);
        }
        return part(brandName) + "-" + part(productName) + "-" + digits;
    }

    /**
     * The first four letters or digits (of any script) of the upper-cased name, padded with X. Upper-casing comes
     * first, as in TERP, so "ß" counts as "SS". Counted in code points, so a letter outside the BMP is one letter.
     */
    static String part(String name) {
        StringBuilder part = new StringBuilder(PART_LENGTH);
        String upper = name == null ? "" : name.toUpperCase(Locale.ROOT);
        int count = 0;
        for (int i = 0; i < upper.length() && count < PART_LENGTH; ) {
            int codePoint = upper.codePointAt(i);
            if (Character.isLetterOrDigit(codePoint)) {
                part.appendCodePoint(codePoint);
                count++;
            }
            i += Character.charCount(codePoint);
        }
        for (; count < PART_LENGTH; count++) {
            part.append(PADDING);
        }
        return part.toString();
    }
}
