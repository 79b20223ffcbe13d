package dev.terp.platform.text;

/** Small rules for optional text fields, kept here so every module reads them the same way. */
public final class Texts {

    private Texts() {
    }

    /**
     * Blank (null, empty or only whitespace) → {@code null}, otherwise the text trimmed. Optional fields are stored
     * as NULL rather than as empty strings, so "not given" has one representation.
     */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
