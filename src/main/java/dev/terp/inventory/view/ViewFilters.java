package dev.terp.inventory.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.terp.inventory.batch.BatchFilter;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;

/**
 * Checks a view's filters against the batch list's own rules, so a saved view can always be replayed as a list
 * query: only known keys, a real status, positive ids, q of at most 100 characters. Pure.
 */
final class ViewFilters {

    private static final int MAX_Q = 100;

    private ViewFilters() {
    }

    /** The filters, sorted by key (stable JSON), with nulls dropped; all violations reported at once. */
    static Map<String, Object> normalise(Map<String, Object> filters) {
        Map<String, Object> clean = new TreeMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (Map.Entry<String, Object> entry : filters.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            String field = "filters." + key;
            if (!BatchFilter.KEYS.contains(key)) {
                violations.add(new FieldViolation(field, "is not a known filter; use one of "
                        + new TreeSet<>(BatchFilter.KEYS)));
            } else if (value == null) {
                continue;
            } else if (key.equals("status")) {
                if (value instanceof String text && isStatus(text)) {
                    clean.put(key, text);
                } else {
                    violations.add(new FieldViolation(field, "must be a batch status"));
                }
            } else if (key.equals("q")) {
                if (value instanceof String text && text.trim().length() <= MAX_Q) {
                    if (!text.isBlank()) {
                        clean.put(key, text.trim());
                    }
                } else {
                    violations.add(new FieldViolation(field, "must be text of at most " + MAX_Q + " characters"));
                }
            } else if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0) {
                clean.put(key, ((Number) value).longValue());
            } else {
                violations.add(new FieldViolation(field, "must be a positive id"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return clean;
    }

    private static boolean isStatus(String text) {
        for (BatchStatus status : BatchStatus.values()) {
            if (status.name().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
