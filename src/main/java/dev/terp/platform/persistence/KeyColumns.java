package dev.terp.platform.persistence;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The columns of a unique key, as a WHERE clause of bound parameters ({@code a = :a AND b = :b}). Column names are
 * code constants, checked here like {@link LockableTable}'s, because identifiers cannot be bound as parameters.
 */
public record KeyColumns(List<String> names) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public KeyColumns {
        names = List.copyOf(names);
        if (names.isEmpty() || !names.stream().allMatch(name -> IDENTIFIER.matcher(name).matches())) {
            throw new IllegalArgumentException("Not plain column identifiers: " + names);
        }
    }

    public String where() {
        return names.stream().map(name -> name + " = :" + name).collect(Collectors.joining(" AND "));
    }
}
