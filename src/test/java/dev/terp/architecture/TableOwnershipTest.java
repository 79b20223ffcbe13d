package dev.terp.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Tables have one owner" (docs/ARCHITECTURE.md, *Table ownership*), checked on the source: every INSERT, UPDATE,
 * DELETE or REPLACE in a string literal of main code, and every {@code @Table} entity (written through
 * {@code SimpleTable}), must sit in the package that owns the table. Other packages go through the owner's port.
 */
class TableOwnershipTest {

    private static final Path MAIN_SOURCES = Path.of("src", "main", "java");
    private static final Path MIGRATIONS = Path.of("migrations");

    /** Each table and the package that owns it (and its sub-packages). */
    static final Map<String, String> OWNERS = Map.ofEntries(
            entry("users", "dev.terp.identity"),
            entry("login_lockouts", "dev.terp.identity"),
            entry("audit_logs", "dev.terp.audit"),
            entry("document_counters", "dev.terp.platform.sequence"),
            entry("vendors", "dev.terp.masterdata.vendor"),
            entry("brands", "dev.terp.masterdata.brand"),
            entry("strains", "dev.terp.masterdata.strain"),
            entry("categories", "dev.terp.masterdata.category"),
            entry("subcategories", "dev.terp.masterdata.category"),
            entry("products", "dev.terp.masterdata.product"),
            entry("grades", "dev.terp.masterdata.grade"),
            entry("locations", "dev.terp.masterdata.location"),
            entry("payment_methods", "dev.terp.masterdata.paymentmethod"),
            entry("tags", "dev.terp.masterdata.tag"),
            entry("lots", "dev.terp.inventory.intake"),
            entry("batches", "dev.terp.inventory.batch"),
            entry("batch_locations", "dev.terp.inventory.batch"),
            entry("inventory_movements", "dev.terp.inventory.batch"),
            entry("batch_sales", "dev.terp.inventory.batch"),
            entry("stock_reservations", "dev.terp.inventory.batch"),
            entry("cogs_history", "dev.terp.inventory.cogs"),
            entry("cogs_corrections", "dev.terp.inventory.cogs"),
            entry("jobs", "dev.terp.platform.jobs"),
            entry("token_revocations", "dev.terp.platform.security"),
            entry("inventory_views", "dev.terp.inventory.view"),
            entry("inventory_alerts", "dev.terp.inventory.alert"),
            entry("intake_sessions", "dev.terp.inventory.intakesession"),
            entry("intake_session_lines", "dev.terp.inventory.intakesession"));

    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern WRITE = Pattern.compile(
            "(?<!KEY )\\b(?:INSERT(?: IGNORE)? INTO|UPDATE|DELETE FROM|REPLACE INTO)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern ENTITY = Pattern.compile("@Table\\(\"([a-z_][a-z0-9_]*)\"\\)");

    @Test
    void everyTableIsWrittenOnlyByItsOwner() {
        Set<String> violations = new TreeSet<>();
        forEachSource((file, text) -> violations.addAll(violationsIn(file, text)));

        assertThat(violations).as("writes of a table by a package that does not own it (go through its port)")
                .isEmpty();
    }

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            files.filter(file -> file.toString().endsWith(".sql")).forEach(file -> {
                Matcher created = Pattern.compile("CREATE TABLE ([a-z_][a-z0-9_]*)").matcher(read(file));
                while (created.find()) {
                    tables.add(created.group(1));
                }
            });
        }
        // seq_<prefix> tables are DocumentNumbers' own allocation tables (platform.sequence).
        tables.removeIf(table -> table.startsWith("seq_"));
        assertThat(tables).hasSizeGreaterThan(20);
        assertThat(OWNERS.keySet()).as("tables without an owner in OWNERS (and docs/ARCHITECTURE.md)")
                .containsAll(tables);
    }

    /** The self-check: the scanner really catches a write from outside the owner, in SQL and through an entity. */
    @Test
    void flagsAWriteFromAPackageThatDoesNotOwnTheTable() {
        String sneaky = """
                package dev.terp.masterdata.vendor;
                class Sneaky {
                    Mono<Long> f() { return db.sql("UPDATE batches SET on_hand_qty = 0 WHERE id = :id").fetch(); }
                    Mono<Long> g() { return db.sql("INSERT INTO vendors (name) VALUES (:name)").fetch(); }
                    // "ON DUPLICATE KEY UPDATE counter" is not a write of a table named counter
                    String h = "INSERT INTO vendors (name) VALUES (:n) ON DUPLICATE KEY UPDATE name = :n";
                }
                @Table("grades") record Grade(Long id) { }
                """;
        assertThat(violationsIn(Path.of("dev/terp/masterdata/vendor/Sneaky.java"), sneaky)).containsExactly(
                "dev/terp/masterdata/vendor/Sneaky.java writes batches",
                "dev/terp/masterdata/vendor/Sneaky.java writes grades");
    }

    static Set<String> violationsIn(Path file, String text) {
        String pkg = file.getParent().toString().replace('/', '.').replace('\\', '.');
        Set<String> found = new TreeSet<>();
        Matcher literal = LITERAL.matcher(text);
        while (literal.find()) {
            Matcher write = WRITE.matcher(literal.group());
            while (write.find()) {
                check(file, pkg, write.group(1), found);
            }
        }
        Matcher entity = ENTITY.matcher(text);
        while (entity.find()) {
            check(file, pkg, entity.group(1), found);
        }
        return found;
    }

    private static void check(Path file, String pkg, String table, Set<String> found) {
        String owner = OWNERS.get(table);
        if (owner == null || !(pkg.equals(owner) || pkg.startsWith(owner + "."))) {
            found.add(file.toString().replace('\\', '/') + " writes " + table);
        }
    }

    private static void forEachSource(java.util.function.BiConsumer<Path, String> action) {
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            files.filter(file -> file.toString().endsWith(".java"))
                    .forEach(file -> action.accept(MAIN_SOURCES.relativize(file), read(file)));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
