-- Account lockout per account + client address (issue 9 item 6): a lock on the account itself let anyone on the
-- internet lock the administrator out with ten wrong passwords. A success from an address clears that address's row;
-- an administrator's unlock (POST /api/v1/users/{id}/unlock) clears all of the account's rows.
CREATE TABLE login_lockouts (
    user_id         BIGINT       NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    failed_attempts INT          NOT NULL DEFAULT 0,
    locked_until    TIMESTAMP(6) NULL,
    updated_at      TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (user_id, client_address),
    CONSTRAINT fk_login_lockouts_user FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

ALTER TABLE users DROP COLUMN failed_login_attempts, DROP COLUMN locked_until;
