-- Product tags (TERP "tags"): the first resource built the simple-table way. created_by/updated_by are filled by
-- Spring Data auditing from the authenticated user (D-02).
CREATE TABLE tags (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    name              VARCHAR(100) NOT NULL,
    standardized_name VARCHAR(100) NOT NULL,
    category          VARCHAR(50)  NULL,
    description       TEXT         NULL,
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    version           INT          NOT NULL DEFAULT 0,
    created_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at        TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    created_by        BIGINT       NULL,
    updated_by        BIGINT       NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_tags_standardized_name (standardized_name),
    CONSTRAINT fk_tags_created_by FOREIGN KEY (created_by) REFERENCES users (id),
    CONSTRAINT fk_tags_updated_by FOREIGN KEY (updated_by) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
