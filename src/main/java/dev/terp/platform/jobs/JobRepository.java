package dev.terp.platform.jobs;

import java.time.Duration;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** {@code jobs}. Leases are compared with the database's clock, the one clock every instance shares. */
@Repository
class JobRepository {

    private static final String COLUMNS = "id, type, status, requested_by, progress_done, progress_total, outcome, "
            + "error, attempts, created_at, started_at, finished_at";
    /** A job nobody runs: its lease ran out, or it was queued and never claimed (its pod died right after). */
    private static final String ABANDONED = "(status = 'RUNNING' AND lease_until < NOW(6)) "
            + "OR (status = 'QUEUED' AND created_at < DATE_SUB(NOW(6), INTERVAL 30 SECOND))";

    private final DatabaseClient db;

    JobRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(String type, Long requestedBy) {
        return db.sql("INSERT INTO jobs (type, status, requested_by) VALUES (:type, 'QUEUED', :requestedBy)")
                .bind("type", type)
                .bind("requestedBy", Parameter.fromOrEmpty(requestedBy, Long.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Job> find(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = :id").bind("id", id).map(JobRepository::job).one();
    }

    Mono<List<Job>> page(PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM jobs WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize())
                .map(JobRepository::job)
                .all()
                .collectList();
    }

    /** Takes a queued or abandoned job for {@code owner}; false when someone else has it. */
    Mono<Boolean> claim(long id, String owner, Duration lease, int maxAttempts) {
        return db.sql("UPDATE jobs SET status = 'RUNNING', lease_owner = :owner, "
                        + "lease_until = DATE_ADD(NOW(6), INTERVAL :leaseMicros MICROSECOND), attempts = attempts + 1, "
                        + "started_at = COALESCE(started_at, NOW(6)), version = version + 1 "
                        + "WHERE id = :id AND attempts < :maxAttempts AND (" + ABANDONED + " OR status = 'QUEUED')")
                .bind("owner", owner)
                .bind("leaseMicros", lease.toNanos() / 1000)
                .bind("id", id)
                .bind("maxAttempts", maxAttempts)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    Mono<Boolean> extendLease(long id, String owner, Duration lease) {
        return db.sql("UPDATE jobs SET lease_until = DATE_ADD(NOW(6), INTERVAL :leaseMicros MICROSECOND) "
                        + "WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'")
                .bind("leaseMicros", lease.toNanos() / 1000)
                .bind("id", id)
                .bind("owner", owner)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    Mono<Void> progress(long id, String owner, int done, int total) {
        return db.sql("UPDATE jobs SET progress_done = :done, progress_total = :total "
                        + "WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'")
                .bind("done", done)
                .bind("total", total)
                .bind("id", id)
                .bind("owner", owner)
                .fetch().rowsUpdated()
                .then();
    }

    /** Records the end; only the current lease holder can (a pod that lost its lease must not overwrite). */
    Mono<Boolean> finish(long id, String owner, JobStatus status, String outcome, String error) {
        return db.sql("UPDATE jobs SET status = :status, outcome = :outcome, error = :error, finished_at = NOW(6), "
                        + "lease_owner = NULL, lease_until = NULL, version = version + 1 "
                        + "WHERE id = :id AND lease_owner = :owner AND status = 'RUNNING'")
                .bind("status", status.name())
                .bind("outcome", Parameter.fromOrEmpty(outcome, String.class))
                .bind("error", Parameter.fromOrEmpty(error, String.class))
                .bind("id", id)
                .bind("owner", owner)
                .fetch().rowsUpdated()
                .map(updated -> updated == 1);
    }

    Flux<Long> abandoned(int maxAttempts) {
        return db.sql("SELECT id FROM jobs WHERE (" + ABANDONED + ") AND attempts < :maxAttempts ORDER BY id LIMIT 10")
                .bind("maxAttempts", maxAttempts)
                .map(row -> Rows.id(row, "id"))
                .all();
    }

    /** Abandoned jobs that used up their attempts end FAILED instead of being retried forever. */
    Mono<Long> failExhausted(int maxAttempts) {
        return db.sql("UPDATE jobs SET status = 'FAILED', error = 'Interrupted on every attempt (instance stopped "
                        + "or died while running it)', finished_at = NOW(6), lease_owner = NULL, lease_until = NULL, "
                        + "version = version + 1 WHERE (" + ABANDONED + ") AND attempts >= :maxAttempts")
                .bind("maxAttempts", maxAttempts)
                .fetch().rowsUpdated();
    }

    private static Job job(Readable row) {
        return new Job(Rows.id(row, "id"), row.get("type", String.class),
                JobStatus.valueOf(row.get("status", String.class)), row.get("requested_by", Long.class),
                row.get("progress_done", Integer.class), row.get("progress_total", Integer.class),
                row.get("outcome", String.class), row.get("error", String.class), row.get("attempts", Integer.class),
                Rows.instant(row, "created_at"), Rows.instant(row, "started_at"), Rows.instant(row, "finished_at"));
    }
}
