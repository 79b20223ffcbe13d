-- Gapless document series (see dev.terp.platform.sequence.NumberingStrategy): one row per series and year.
-- STANDARD series use their own AUTO_INCREMENT table seq_<prefix>, created by the module that owns the series.
CREATE TABLE document_counters (
    counter_key VARCHAR(40) NOT NULL,
    last_value  BIGINT      NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
    PRIMARY KEY (counter_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
