-- Saved inventory list filters (TERP inventoryViews). filters is a JSON object restricted by the API to the batch
-- list's filter keys; it is stored as TEXT (portable between MariaDB and MySQL) and never queried in SQL.
-- A view belongs to its owner; is_shared only makes it visible to everyone, never changeable by them.
CREATE TABLE inventory_views (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    filters    TEXT         NOT NULL,
    is_shared  BOOLEAN      NOT NULL DEFAULT FALSE,
    owner_id   BIGINT       NOT NULL,
    version    INT          NOT NULL DEFAULT 0,
    created_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    updated_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (id),
    KEY idx_inventory_views_owner (owner_id, id),
    KEY idx_inventory_views_shared (is_shared, id),
    CONSTRAINT fk_inventory_views_owner FOREIGN KEY (owner_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
