-- Token revocations, durable (platform/security TokenRevocations): written in the same transaction as the change that
-- revokes (logout, disable, role change, password reset), then copied to Redis, where every request checks them.
-- While Redis is unavailable the check reads this table instead; when Redis returns (empty after a restart, say)
-- the unexpired rows are copied to it again. Rows are deleted once every token they could refuse has expired.
CREATE TABLE token_revocations (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    user_id     BIGINT       NOT NULL,
    -- One token (its jti, a logout); NULL: every token of the user issued at or before revoked_at_second.
    token_id    VARCHAR(100) NULL,
    revoked_at_second BIGINT NOT NULL,
    expires_at  TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_token_revocations_expires (expires_at)
);
