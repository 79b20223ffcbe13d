package dev.terp.platform.tx;

import java.util.Optional;

import io.r2dbc.spi.R2dbcException;

import org.springframework.dao.TransientDataAccessException;

/**
 * The failures after which re-running the whole transaction is safe and likely to succeed. r2dbc-mysql reports
 * MySQL 1213 (deadlock) as {@code TransientDataAccessResourceException} and 1205 (lock wait timeout) as
 * {@code QueryTimeoutException}: neither is a {@code DeadlockLoserDataAccessException}, so we look at the
 * server's error code rather than at the Spring exception type.
 */
public enum RetryableFailure {
    DEADLOCK(1213),
    LOCK_WAIT_TIMEOUT(1205),
    /** Not a server error: {@link StaleSnapshotException}, raised by our own current-read checks. */
    STALE_SNAPSHOT(0);

    private final int mysqlErrorCode;

    RetryableFailure(int mysqlErrorCode) {
        this.mysqlErrorCode = mysqlErrorCode;
    }

    public static Optional<RetryableFailure> of(Throwable failure) {
        if (failure instanceof StaleSnapshotException) {
            return Optional.of(STALE_SNAPSHOT);
        }
        if (!(failure instanceof TransientDataAccessException) && !(failure instanceof R2dbcException)) {
            return Optional.empty();
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc) {
                for (RetryableFailure candidate : values()) {
                    if (candidate.mysqlErrorCode != 0 && candidate.mysqlErrorCode == r2dbc.getErrorCode()) {
                        return Optional.of(candidate);
                    }
                }
                if ("40001".equals(r2dbc.getSqlState())) {
                    return Optional.of(DEADLOCK);
                }
            }
        }
        return Optional.empty();
    }

    public static boolean isRetryable(Throwable failure) {
        return of(failure).isPresent();
    }
}
