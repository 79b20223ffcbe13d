package dev.terp.operations.api;

import java.time.Instant;

/** One dump in the backup directory; {@code checksumOk} is false when its .sha256 is missing or does not match. */
public record BackupView(String name, long sizeBytes, Instant createdAt, boolean checksumOk) {
}
