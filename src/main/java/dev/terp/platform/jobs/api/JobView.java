package dev.terp.platform.jobs.api;

import java.time.Instant;

import dev.terp.platform.jobs.Job;

/** A job as admins see it: progress as done/total (total null until the job knows it), outcome or error. */
public record JobView(long id, String type, String status, Long requestedBy, int progressDone, Integer progressTotal,
                      String outcome, String error, int attempts, Instant createdAt, Instant startedAt,
                      Instant finishedAt) {

    public static JobView of(Job job) {
        return new JobView(job.id(), job.type(), job.status().name(), job.requestedBy(), job.progressDone(),
                job.progressTotal(), job.outcome(), job.error(), job.attempts(), job.createdAt(), job.startedAt(),
                job.finishedAt());
    }
}
