package dev.terp.inventory.domain;

/** The quantity bucket a movement changes. SAMPLE is a separate pool, not part of on-hand (domain §4.2). */
public enum Bucket {
    ON_HAND,
    RESERVED,
    QUARANTINE,
    HOLD,
    SAMPLE
}
