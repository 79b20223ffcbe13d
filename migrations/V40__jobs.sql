-- Long-running operations (backups, alert generation, ...) as resumable jobs: progress, outcome and errors for
-- admins; a lease so that a job whose pod died is picked up again by another one (platform/jobs).
CREATE TABLE jobs (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    type           VARCHAR(64)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    requested_by   BIGINT       NULL,
    progress_done  INT          NOT NULL DEFAULT 0,
    progress_total INT          NULL,
    outcome        TEXT         NULL,
    error          VARCHAR(1000) NULL,
    attempts       INT          NOT NULL DEFAULT 0,
    lease_owner    VARCHAR(100) NULL,
    lease_until    TIMESTAMP(6) NULL,
    created_at     TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    started_at     TIMESTAMP(6) NULL,
    finished_at    TIMESTAMP(6) NULL,
    version        INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    KEY ix_jobs_status_lease (status, lease_until),
    KEY ix_jobs_type (type, id),
    CONSTRAINT ck_jobs_status CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED'))
);
