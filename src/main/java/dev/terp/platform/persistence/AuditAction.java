package dev.terp.platform.persistence;

/** What happened to a record, as its audit row names it. Typed so a misspelt action cannot reach the trail. */
public enum AuditAction {
    CREATED, UPDATED, ACTIVATED, DEACTIVATED, DELETED, REORDERED, SEEDED
}
