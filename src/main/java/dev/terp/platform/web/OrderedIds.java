package dev.terp.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;

/**
 * The {@code orderedIds} of a reorder request (grades, payment methods, ...): each a positive id, each once, each
 * an existing record. Pure; violations are reported per element as {@code orderedIds[i]}.
 */
public final class OrderedIds {

    private static final String FIELD = "orderedIds";

    private OrderedIds() {
    }

    /** Rejects null, non-positive and repeated ids (a repeat would make the final position ambiguous). */
    public static void requireWellFormed(List<Long> ids) {
        Set<Long> seen = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null) {
                violations.add(new FieldViolation(element(i), "must not be null"));
            } else if (id <= 0) {
                violations.add(new FieldViolation(element(i), "must be a positive id"));
            } else if (!seen.add(id)) {
                violations.add(new FieldViolation(element(i), "repeats id " + id));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** Rejects the request, naming every id that matched no row. */
    public static void requireAllFound(List<Long> ids, Collection<Long> found, String resource) {
        Set<Long> present = Set.copyOf(found);
        List<FieldViolation> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!present.contains(ids.get(i))) {
                missing.add(new FieldViolation(element(i), "no " + resource + " has id " + ids.get(i)));
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException(missing);
        }
    }

    private static String element(int index) {
        return FIELD + "[" + index + "]";
    }
}
