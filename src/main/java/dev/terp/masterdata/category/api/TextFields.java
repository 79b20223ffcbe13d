package dev.terp.masterdata.category.api;

final class TextFields {

    private TextFields() {
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
