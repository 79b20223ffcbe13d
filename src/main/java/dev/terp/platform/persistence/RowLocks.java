package dev.terp.platform.persistence;

import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.R2dbcException;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Locks rows by id inside the caller's transaction. Rows are always locked in ascending id order, so two
 * transactions that lock overlapping sets queue behind each other instead of deadlocking.
 */
@Component
public class RowLocks {

    /** MySQL's ER_LOCK_NOWAIT; MariaDB reports a NOWAIT miss as a lock wait timeout. */
    private static final int MYSQL_LOCK_NOWAIT = 3572;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private final DatabaseClient db;

    public RowLocks(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Locks the rows with the given ids and answers the ids actually locked, ascending. With
     * {@link LockMode#SKIP_LOCKED} rows held elsewhere are left out; with {@link LockMode#NOWAIT} a held row fails
     * the call with {@link RecordLockedException}. Ids that do not exist are simply absent from the answer.
     */
    public Mono<List<Long>> lockInIdOrder(LockableTable table, Collection<Long> ids, LockMode mode) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        List<Long> ascending = ids.stream().distinct().sorted().toList();
        String sql = "SELECT id FROM " + table.name() + " WHERE id IN (:ids) ORDER BY id" + mode.clause();
        return db.sql(sql)
                .bind("ids", ascending)
                .map(row -> row.get("id", Long.class))
                .all()
                .collectList()
                .onErrorMap(failure -> mode == LockMode.NOWAIT && isLockMiss(failure),
                        failure -> new RecordLockedException(table.name()));
    }

    private static boolean isLockMiss(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc) {
                return r2dbc.getErrorCode() == MYSQL_LOCK_NOWAIT || r2dbc.getErrorCode() == LOCK_WAIT_TIMEOUT;
            }
        }
        return false;
    }
}
