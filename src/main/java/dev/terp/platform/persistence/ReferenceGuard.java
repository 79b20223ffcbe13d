package dev.terp.platform.persistence;

import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ConflictException;

import org.springframework.stereotype.Component;

/** Refuses to delete a record that something still uses, naming what uses it. */
@Component
public class ReferenceGuard {

    private final List<UsageProbe> probes;

    public ReferenceGuard(List<UsageProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    public Mono<Void> requireUnused(String table, String resource, long id) {
        return Flux.fromIterable(probes)
                .filter(probe -> probe.referencedTable().equals(table))
                .concatMap(probe -> probe.countUsages(id)
                        .filter(count -> count > 0)
                        .map(count -> count + " " + probe.usedBy()))
                .collectList()
                .flatMap(usages -> usages.isEmpty()
                        ? Mono.empty()
                        : Mono.error(new ConflictException(resource + " " + id + " is used by "
                                + String.join(", ", usages) + "; deactivate it instead of deleting it")));
    }
}
