package dev.terp.support;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.r2dbc.spi.Readable;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The tests' direct line to the database: set-up rows the API cannot create, and re-reads that prove what a request
 * wrote (or did not). It is the one place where test code waits for the database, on the test's own thread — never on
 * an event loop, and never on the code under test, which tests drive over HTTP or with {@code StepVerifier}.
 * <p>
 * Values are bound by name; a {@code null} value binds SQL NULL (use a {@code HashMap}, {@code Map.of} refuses
 * nulls).
 */
public final class TestDatabase {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_]+");

    private final DatabaseClient db;

    public TestDatabase(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts one row and answers its generated id. */
    public long insert(String sql, Map<String, ?> values) {
        return bound(sql, values).filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }

    /** Runs an INSERT, UPDATE, DELETE or DDL statement and answers the rows it changed. */
    public long update(String sql, Map<String, ?> values) {
        return bound(sql, values).fetch().rowsUpdated().block();
    }

    public long update(String sql) {
        return update(sql, Map.of());
    }

    /** The first column of the only row, or null when there is no row or the column is NULL. */
    public <T> T value(String sql, Map<String, ?> values, Class<T> type) {
        return one(sql, values, row -> row.get(0, type));
    }

    public <T> T value(String sql, Class<T> type) {
        return value(sql, Map.of(), type);
    }

    /** {@code SELECT COUNT(*) ...} as a long. */
    public long count(String sql, Map<String, ?> values) {
        return value(sql, values, Long.class);
    }

    /** The only row as column → value, or null when there is no row. */
    public Map<String, Object> row(String sql, Map<String, ?> values) {
        return bound(sql, values).fetch().one().block();
    }

    /** The only row, mapped (the mapper may answer null), or null when there is no row. */
    public <T> T one(String sql, Map<String, ?> values, Function<Readable, T> mapper) {
        Optional<T> value = bound(sql, values).map(row -> Optional.ofNullable(mapper.apply(row))).one().block();
        return value == null ? null : value.orElse(null);
    }

    /** Every row as column → value. */
    public List<Map<String, Object>> rows(String sql, Map<String, ?> values) {
        return bound(sql, values).fetch().all().collectList().block();
    }

    /** Every row, mapped. */
    public <T> List<T> list(String sql, Map<String, ?> values, Function<Readable, T> mapper) {
        return bound(sql, values).map(row -> Optional.ofNullable(mapper.apply(row))).all().collectList().block()
                .stream().map(value -> value.orElse(null)).toList();
    }

    /** The stored optimistic-locking version of a row. */
    public long versionOf(String table, long id) {
        return value("SELECT version FROM " + identifier(table) + " WHERE id = :id", Map.of("id", id), Long.class);
    }

    /** The stored {@code name} of a row. */
    public String nameOf(String table, long id) {
        return value("SELECT name FROM " + identifier(table) + " WHERE id = :id", Map.of("id", id), String.class);
    }

    private DatabaseClient.GenericExecuteSpec bound(String sql, Map<String, ?> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, ?> value : values.entrySet()) {
            spec = value.getValue() == null ? spec.bindNull(value.getKey(), Object.class)
                    : spec.bind(value.getKey(), value.getValue());
        }
        return spec;
    }

    private static String identifier(String table) {
        if (!IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return table;
    }
}
