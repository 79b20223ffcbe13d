package dev.terp.platform.persistence;

import reactor.core.publisher.Mono;

/**
 * Tells whether rows of another table still point at a record. Each module contributes probes for the records it
 * references (inventory: batches per grade, ...), so master data can refuse to delete what is in use (D-31)
 * without reading other modules' tables itself.
 */
public interface UsageProbe {

    /** The referenced table, e.g. {@code grades}. */
    String referencedTable();

    /** What refers to it, plural, for the message: {@code batches}. */
    String usedBy();

    Mono<Long> countUsages(long id);
}
