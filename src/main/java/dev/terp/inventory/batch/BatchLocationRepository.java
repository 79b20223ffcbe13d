package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.LocationStock.Occupancy;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Per-location quantities of batches. Every writer locks the batch row first, so the rows of one batch are only
 * changed by the holder of that lock; they are still locked in ascending location id order (the unique key
 * (batch_id, location_id) is scanned in that order) so a reader that skips the batch lock cannot deadlock with them.
 */
@Repository
class BatchLocationRepository {

    private final DatabaseClient db;

    BatchLocationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** One keyset page of the batch's locations, ascending location id (the cursor holds the last one). */
    Mono<List<Slot>> list(long batchId, PageRequest page) {
        return db.sql("SELECT location_id, qty FROM batch_locations WHERE batch_id = :batchId "
                        + "AND location_id > :after ORDER BY location_id LIMIT :limit")
                .bind("batchId", batchId)
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize())
                .map(BatchLocationRepository::toSlot)
                .all().collectList();
    }

    /** All location rows of the batch, locked in ascending location id. */
    Mono<List<Slot>> lockAll(long batchId) {
        return db.sql("SELECT location_id, qty FROM batch_locations WHERE batch_id = :batchId ORDER BY location_id"
                        + LockMode.WAIT.clause())
                .bind("batchId", batchId)
                .map(BatchLocationRepository::toSlot)
                .all().collectList();
    }

    /** The named location rows of the batch that exist, locked in ascending location id. */
    Mono<List<Slot>> lock(long batchId, Collection<Long> locationIds) {
        return db.sql("SELECT location_id, qty FROM batch_locations WHERE batch_id = :batchId "
                        + "AND location_id IN (:locationIds) ORDER BY location_id" + LockMode.WAIT.clause())
                .bind("batchId", batchId)
                .bind("locationIds", locationIds.stream().distinct().sorted().toList())
                .map(BatchLocationRepository::toSlot)
                .all().collectList();
    }

    /**
     * Creates an empty row for the batch at the location unless one exists. The upsert on the unique key makes two
     * concurrent creators harmless: the second one updates nothing instead of failing; the new row stays locked by
     * this transaction.
     */
    Mono<Void> ensure(long batchId, long locationId) {
        return db.sql("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:batchId, :locationId, 0) "
                        + "ON DUPLICATE KEY UPDATE qty = qty")
                .bind("batchId", batchId)
                .bind("locationId", locationId)
                .fetch().rowsUpdated().then();
    }

    /** Only called with the row locked, so writing the absolute value loses no concurrent change. */
    Mono<Long> updateQuantity(long batchId, Slot slot) {
        return db.sql("UPDATE batch_locations SET qty = :qty, version = version + 1 "
                        + "WHERE batch_id = :batchId AND location_id = :locationId")
                .bind("qty", slot.quantity())
                .bind("batchId", batchId)
                .bind("locationId", slot.locationId())
                .fetch().rowsUpdated();
    }

    /** A location a stock change involves, and whether its capacity is limited as this transaction sees it. */
    record InvolvedLocation(long id, boolean limited) {
    }

    /**
     * The named locations and the locations these batches hold stock at, read without locks (a snapshot): the
     * caller locks the limited ones next, by id, and confirms the others with {@link #shareLockNowLimited}.
     */
    Mono<List<InvolvedLocation>> involvedLocations(Collection<Long> batchIds, Collection<Long> locationIds) {
        // -1 never matches an id; it keeps "IN (...)" valid when a list is empty.
        return db.sql("SELECT id, capacity IS NOT NULL AS limited FROM locations WHERE id IN (:locationIds) "
                        + "OR id IN (SELECT location_id FROM batch_locations WHERE batch_id IN (:batchIds)) "
                        + "ORDER BY id")
                .bind("locationIds", orNone(locationIds))
                .bind("batchIds", orNone(batchIds))
                .map(row -> new InvolvedLocation(Rows.id(row, "id"), Rows.bool(row, "limited")))
                .all().collectList();
    }

    /**
     * Share-locks the locations (a current read: it sees capacities committed after this transaction's snapshot,
     * and a capacity change waits for this transaction) and answers those that are capacity-limited now.
     */
    Mono<List<Long>> shareLockNowLimited(List<Long> locationIds) {
        return locationIds.isEmpty() ? Mono.just(List.of())
                : db.sql("SELECT id, capacity FROM locations WHERE id IN (:ids) ORDER BY id" + LockMode.SHARE.clause())
                        .bind("ids", locationIds.stream().distinct().sorted().toList())
                        .map(row -> row.get("capacity", BigDecimal.class) == null ? -1L : Rows.id(row, "id"))
                        .all()
                        .filter(id -> id > 0)
                        .collectList();
    }

    private static List<Long> orNone(Collection<Long> ids) {
        return ids.isEmpty() ? List.of(-1L) : ids.stream().distinct().sorted().toList();
    }

    /** Locks the location rows in ascending id. */
    Mono<Void> lockLocations(List<Long> locationIds) {
        return locationIds.isEmpty() ? Mono.empty()
                : db.sql("SELECT id FROM locations WHERE id IN (:ids) ORDER BY id" + LockMode.WAIT.clause())
                        .bind("ids", locationIds.stream().distinct().sorted().toList())
                        .map(row -> Rows.id(row, "id"))
                        .all().then();
    }

    /**
     * Locks the location row, then sums what every batch holds there with a locking (current) read: a plain read
     * would see this transaction's snapshot, which can predate an addition committed while we waited for the lock.
     */
    Mono<Occupancy> lockOccupancy(long locationId) {
        return db.sql("SELECT capacity FROM locations WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", locationId)
                .map(row -> Optional.ofNullable(row.get("capacity", BigDecimal.class)))
                .one()
                .flatMap(capacity -> db.sql("SELECT COALESCE(SUM(qty), 0) AS held FROM batch_locations "
                                + "WHERE location_id = :id" + LockMode.SHARE.clause())
                        .bind("id", locationId)
                        .map(row -> row.get("held", BigDecimal.class))
                        .one()
                        .map(held -> new Occupancy(capacity.orElse(null), held)));
    }

    /** Which of the ids are known locations. */
    Mono<List<Long>> existingLocations(Collection<Long> locationIds) {
        return db.sql("SELECT id FROM locations WHERE id IN (:ids) ORDER BY id")
                .bind("ids", locationIds.stream().distinct().sorted().toList())
                .map(row -> Rows.id(row, "id"))
                .all().collectList();
    }

    private static Slot toSlot(Readable row) {
        return new Slot(Rows.id(row, "location_id"), row.get("qty", BigDecimal.class));
    }
}
