package dev.terp.platform.jobs;

import reactor.core.publisher.Mono;

/**
 * What a job of one type does. Implementations are beans; {@link Jobs} finds them by {@link #type()}. A job can be
 * run again after its pod died half-way, so the work must be safe to repeat (a second backup, alerts re-generated
 * with one open alert per batch and type, ...).
 */
public interface JobWork {

    /** Stable name, stored in {@code jobs.type}: lower-case words and dashes. */
    String type();

    /** Runs the job; the result is its outcome (a short text shown to admins). Non-blocking. */
    Mono<String> run(Job job, JobProgress progress);

    /** Reports done/total while a job runs. */
    interface JobProgress {
        Mono<Void> report(int done, int total);
    }
}
