package dev.terp.platform.persistence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.platform.web.OrderedIds;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Moves the rows of a table with a {@code sort_order} column to the positions of a list (grades, payment methods).
 * Runs inside the caller's transaction; the caller reads the rows between {@link #lock} and {@link #writePositions}
 * and after, to audit the moves in its own terms.
 */
@Component
public class SortOrders {

    private final RowLocks locks;
    private final DatabaseClient db;

    public SortOrders(RowLocks locks, DatabaseClient db) {
        this.locks = locks;
        this.db = db;
    }

    /** Locks the listed rows in ascending id (concurrent reorders queue, never deadlock); every id must exist. */
    public Mono<Void> lock(LockableTable table, List<Long> orderedIds, String resource) {
        return locks.lockInIdOrder(table, orderedIds, LockMode.WAIT)
                .doOnNext(locked -> OrderedIds.requireAllFound(orderedIds, locked, resource))
                .then();
    }

    /** The i-th row gets sort_order i; a row already there keeps its version, so only real moves count as edits. */
    public Mono<Void> writePositions(LockableTable table, List<Long> orderedIds) {
        return Flux.range(0, orderedIds.size())
                .concatMap(index -> db.sql("UPDATE " + table.name() + " SET sort_order = :sortOrder, "
                                + "version = version + 1 WHERE id = :id AND sort_order <> :sortOrder")
                        .bind("sortOrder", index)
                        .bind("id", orderedIds.get(index))
                        .fetch().rowsUpdated())
                .then();
    }

    /** The rows in the order the client listed them. */
    public static <T> List<T> inListOrder(List<Long> orderedIds, Collection<T> found, Function<T, Long> idOf) {
        Map<Long, T> byId = found.stream().collect(Collectors.toMap(idOf, Function.identity()));
        return orderedIds.stream().map(byId::get).toList();
    }
}
