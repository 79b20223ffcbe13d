package dev.terp.platform.persistence;

/** LIKE patterns from user text: the text is bound as a parameter and its wildcards are escaped. */
public final class Like {

    private Like() {
    }

    /** {@code %text%} with {@code \}, {@code %} and {@code _} escaped (MySQL's default LIKE escape is {@code \}). */
    public static String contains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
