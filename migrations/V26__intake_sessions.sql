-- Intake sessions (domain §4.1 B, TERP productIntake): one delivery from a seller, received as several existing
-- AWAITING_INTAKE batches. Completing a session adds each line's quantity to its batch's on-hand and makes the batch
-- LIVE, all in one transaction. Session numbers come from the STANDARD series INTAKE (seq_intake), never epoch ms.
--
-- vendor_id references our master-data vendors. TERP pointed it at a seller-client, but the clients module does
-- not exist yet; when it does, a later migration can move the reference.
-- received_by has no foreign key, like audit_logs.actor_id: the record must outlive user administration.
-- amount_paid stays 0 until payments exist; the balance is always total_amount - amount_paid.

CREATE TABLE seq_intake (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    allocated_at TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE intake_sessions (
    id                   BIGINT        NOT NULL AUTO_INCREMENT,
    session_number       VARCHAR(50)   NOT NULL,
    vendor_id            BIGINT        NOT NULL,
    status               VARCHAR(20)   NOT NULL DEFAULT 'IN_PROGRESS',
    receive_date         DATE          NOT NULL,
    received_by          BIGINT        NOT NULL,
    payment_terms        VARCHAR(20)   NOT NULL,
    payment_due_date     DATE          NULL,
    total_amount         DECIMAL(15,2) NOT NULL DEFAULT 0,
    amount_paid          DECIMAL(15,2) NOT NULL DEFAULT 0,
    internal_notes       TEXT          NULL,
    vendor_notes         TEXT          NULL,
    receipt_generated    BOOLEAN       NOT NULL DEFAULT FALSE,
    receipt_generated_at TIMESTAMP(6)  NULL,
    completed_at         TIMESTAMP(6)  NULL,
    cancelled_at         TIMESTAMP(6)  NULL,
    version              INT           NOT NULL DEFAULT 0,
    created_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at           TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_intake_sessions_number (session_number),
    KEY idx_intake_sessions_vendor (vendor_id, id),
    KEY idx_intake_sessions_status (status, id),
    KEY idx_intake_sessions_receive_date (receive_date),
    CONSTRAINT fk_intake_sessions_vendor FOREIGN KEY (vendor_id) REFERENCES vendors (id),
    CONSTRAINT ck_intake_sessions_status CHECK (status IN ('IN_PROGRESS', 'COMPLETED', 'CANCELLED')),
    CONSTRAINT ck_intake_sessions_payment_terms CHECK (payment_terms IN ('COD', 'NET_7', 'NET_15', 'NET_30',
        'CONSIGNMENT', 'PARTIAL')),
    CONSTRAINT ck_intake_sessions_due_date CHECK (payment_due_date IS NULL OR payment_due_date >= receive_date),
    CONSTRAINT ck_intake_sessions_total CHECK (total_amount >= 0),
    CONSTRAINT ck_intake_sessions_paid CHECK (amount_paid >= 0),
    CONSTRAINT ck_intake_sessions_receipt CHECK (receipt_generated = FALSE OR receipt_generated_at IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A batch appears at most once per session; the unique key backs the service's check made under the session lock.
-- total_cost = received_qty * unit_cost rounded half-up to cents, computed by the service (IntakeSessionTotals).
CREATE TABLE intake_session_lines (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    session_id     BIGINT        NOT NULL,
    batch_id       BIGINT        NOT NULL,
    received_qty   DECIMAL(15,4) NOT NULL,
    unit_cost      DECIMAL(15,2) NOT NULL,
    total_cost     DECIMAL(15,2) NOT NULL,
    internal_notes TEXT          NULL,
    vendor_notes   TEXT          NULL,
    cogs_agreement TEXT          NULL,
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at     TIMESTAMP(6)  NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_intake_session_lines_batch (session_id, batch_id),
    KEY idx_intake_session_lines_batch (batch_id),
    CONSTRAINT fk_intake_session_lines_session FOREIGN KEY (session_id) REFERENCES intake_sessions (id),
    CONSTRAINT fk_intake_session_lines_batch FOREIGN KEY (batch_id) REFERENCES batches (id),
    CONSTRAINT ck_intake_session_lines_qty CHECK (received_qty > 0),
    CONSTRAINT ck_intake_session_lines_unit_cost CHECK (unit_cost >= 0),
    CONSTRAINT ck_intake_session_lines_total CHECK (total_cost >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
