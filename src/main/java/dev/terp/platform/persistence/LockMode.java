package dev.terp.platform.persistence;

/**
 * Pessimistic lock clauses, portable between MySQL 8 and MariaDB 10.6+.
 * <ul>
 *   <li>{@link #WAIT}: wait for the lock (up to innodb_lock_wait_timeout); the normal choice for business checks.</li>
 *   <li>{@link #NOWAIT}: fail at once with {@code RECORD_LOCKED} when someone else holds it (interactive edits).</li>
 *   <li>{@link #SKIP_LOCKED}: pretend locked rows are not there (work queues, schedulers on several instances).</li>
 *   <li>{@link #SHARE}: a shared lock; reads the latest committed row, not the transaction's snapshot, without
 *   excluding other readers (find-or-create re-reads a row a concurrent transaction just committed). MySQL 8 and
 *   MariaDB both accept {@code LOCK IN SHARE MODE}; MariaDB has no {@code FOR SHARE}.</li>
 * </ul>
 */
public enum LockMode {
    WAIT(" FOR UPDATE"),
    NOWAIT(" FOR UPDATE NOWAIT"),
    SKIP_LOCKED(" FOR UPDATE SKIP LOCKED"),
    SHARE(" LOCK IN SHARE MODE");

    private final String clause;

    LockMode(String clause) {
        this.clause = clause;
    }

    /** The clause to append to a SELECT, with a leading space. */
    public String clause() {
        return clause;
    }
}
