package dev.terp.platform.jobs;

import java.time.Instant;

/** One run of a long operation, as stored in {@code jobs}. */
public record Job(long id, String type, JobStatus status, Long requestedBy, int progressDone, Integer progressTotal,
                  String outcome, String error, int attempts, Instant createdAt, Instant startedAt,
                  Instant finishedAt) {
}
