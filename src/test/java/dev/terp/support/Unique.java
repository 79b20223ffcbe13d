package dev.terp.support;

import java.util.UUID;

/**
 * Names and codes no other test has taken: every integration test class shares one database (and a reused external
 * one keeps rows from earlier runs), so test data never relies on a table being empty or a name being free.
 */
public final class Unique {

    private Unique() {
    }

    /** Eight upper-case hex characters, for codes and SKUs ({@code "BCH-T" + tag()}). */
    public static String tag() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** {@code prefix} followed by a space and eight lower-case hex characters: a name for master data. */
    public static String name(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
