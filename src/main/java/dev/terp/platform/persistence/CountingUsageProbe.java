package dev.terp.platform.persistence;

import java.util.function.LongFunction;

import reactor.core.publisher.Mono;

/**
 * A {@link UsageProbe} that is nothing but a COUNT query: the module that owns the referencing table declares one
 * bean per (table, usedBy) with its repository's count method, instead of a class per pair.
 */
public record CountingUsageProbe(String referencedTable, String usedBy, LongFunction<Mono<Long>> counter)
        implements UsageProbe {

    @Override
    public Mono<Long> countUsages(long id) {
        return counter.apply(id);
    }
}
