-- Users of the API (TERP "auth" / users). Passwords are BCrypt hashes; roles are a comma-separated list of
-- ADMIN, MANAGER, SALES, WAREHOUSE, ACCOUNTANT, VIEWER.
CREATE TABLE users (
    id                    BIGINT       NOT NULL AUTO_INCREMENT,
    username              VARCHAR(64)  NOT NULL,
    display_name          VARCHAR(255) NOT NULL,
    password_hash         VARCHAR(100) NOT NULL,
    roles                 VARCHAR(200) NOT NULL,
    active                BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_login_attempts INT          NOT NULL DEFAULT 0,
    locked_until          TIMESTAMP(6) NULL,
    last_login_at         TIMESTAMP(6) NULL,
    version               INT          NOT NULL DEFAULT 0,
    created_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at            TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    UNIQUE KEY uq_users_username (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
