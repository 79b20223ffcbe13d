package dev.terp.platform.jobs;

/** QUEUED → RUNNING → SUCCEEDED | FAILED; a RUNNING job whose lease ran out is claimed again (RUNNING). */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean isFinished() {
        return this == SUCCEEDED || this == FAILED;
    }
}
