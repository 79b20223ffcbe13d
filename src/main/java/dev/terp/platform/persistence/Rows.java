package dev.terp.platform.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.r2dbc.spi.Readable;

/** Reading columns the same way everywhere. Sessions run in UTC (see PlatformConfiguration). */
public final class Rows {

    private Rows() {
    }

    public static Instant instant(Readable row, String column) {
        LocalDateTime value = row.get(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    public static boolean bool(Readable row, String column) {
        Object value = row.get(column);
        if (value instanceof Boolean flag) {
            return flag;
        }
        return value instanceof Number number && number.intValue() != 0;
    }

    public static long id(Readable row, String column) {
        Long value = row.get(column, Long.class);
        if (value == null) {
            throw new IllegalStateException("Column " + column + " is unexpectedly NULL");
        }
        return value;
    }
}
