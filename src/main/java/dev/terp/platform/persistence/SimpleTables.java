package dev.terp.platform.persistence;

import java.util.function.Function;

import reactor.core.publisher.Mono;

import dev.terp.platform.tx.TransactionRunner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.stereotype.Component;

/** Hands a module the {@link SimpleTable} of one of its entities, wired to the platform's one way of writing. */
@Component
public class SimpleTables {

    final R2dbcEntityTemplate template;
    final TransactionRunner tx;
    private final ObjectProvider<ReferenceGuard> references;
    final ChangeLog changeLog;

    /** The guard comes lazily: its usage probes count through the very tables this hands out. */
    public SimpleTables(R2dbcEntityTemplate template, TransactionRunner tx, ObjectProvider<ReferenceGuard> references,
            ChangeLog changeLog) {
        this.template = template;
        this.tx = tx;
        this.references = references;
        this.changeLog = changeLog;
    }

    /**
     * @param resource  the singular name audit rows and 404s use ({@code Vendor})
     * @param duplicate the CONFLICT detail when a write hits the table's unique key
     */
    ReferenceGuard references() {
        return references.getObject();
    }

    public <E> SimpleTable<E> of(Class<E> type, String resource, Function<E, String> duplicate) {
        return new SimpleTable<>(this, type, resource, duplicate, entity -> Mono.empty(), Mono::just);
    }
}
