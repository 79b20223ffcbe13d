package dev.terp.platform.persistence;

import java.util.regex.Pattern;

/**
 * A table whose rows may be locked through {@link RowLocks}. The name is a compile-time constant of the owning
 * module and is checked here, because identifiers cannot be bound as SQL parameters.
 */
public record LockableTable(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    public LockableTable {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain table identifier: " + name);
        }
    }
}
