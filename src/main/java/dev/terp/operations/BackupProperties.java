package dev.terp.operations;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code terp.backup.*} (TERP_BACKUP_DIR, TERP_BACKUP_RETENTION_DAYS are shared with the backup CronJob): where
 * scripts/backup-database.sh writes, which script, the client programs' directory (empty: PATH), how long a run may
 * take, and how often the catalog (and the newest-backup-age metric) is re-read.
 */
@Validated
@ConfigurationProperties("terp.backup")
public record BackupProperties(@NotNull Path dir, @NotNull Path script, Path clientDir, @Min(0) int retentionDays,
                               @NotNull Duration timeout, @NotNull Duration refresh) {
}
