package dev.terp.inventory.view;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

@Repository
class InventoryViewRepository {

    private static final String COLUMNS = "id, name, filters, is_shared, owner_id, version, created_at, updated_at";

    private final DatabaseClient db;

    InventoryViewRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insert(String name, String filters, boolean shared, long ownerId) {
        return db.sql("INSERT INTO inventory_views (name, filters, is_shared, owner_id) "
                        + "VALUES (:name, :filters, :shared, :ownerId)")
                .bind("name", name)
                .bind("filters", filters)
                .bind("shared", shared)
                .bind("ownerId", ownerId)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class))
                .one();
    }

    Mono<InventoryView> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_views WHERE id = :id")
                .bind("id", id)
                .map(InventoryViewRepository::toView)
                .one();
    }

    /** Locked, so the owner check and the delete see the same row. */
    Mono<InventoryView> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_views WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(InventoryViewRepository::toView)
                .one();
    }

    /** The caller's own views and everyone's shared ones, ascending id (keyset). */
    Mono<List<InventoryView>> listVisibleTo(long userId, PageRequest page) {
        return db.sql("SELECT " + COLUMNS + " FROM inventory_views WHERE id > :after "
                        + "AND (owner_id = :userId OR is_shared = TRUE) ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("userId", userId)
                .bind("limit", page.fetchSize())
                .map(InventoryViewRepository::toView)
                .all()
                .collectList();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM inventory_views WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static InventoryView toView(Readable row) {
        return new InventoryView(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("filters", String.class),
                Rows.bool(row, "is_shared"),
                Rows.id(row, "owner_id"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
