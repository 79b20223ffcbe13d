package dev.terp.masterdata.brand;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

@Repository
class BrandRepository {

    private static final String COLUMNS = "id, name, vendor_id, description, active, version, created_at, updated_at";

    private final DatabaseClient db;

    BrandRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Brand> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM brands WHERE id = :id")
                .bind("id", id)
                .map(BrandRepository::toBrand)
                .one();
    }

    Mono<Brand> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM brands WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(BrandRepository::toBrand)
                .one();
    }

    /** The unique key's collation ignores case, so this finds the one brand the key would clash with. */
    Mono<Brand> findByName(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM brands WHERE name = :name")
                .bind("name", name)
                .map(BrandRepository::toBrand)
                .one();
    }

    /** A current read: sees a row committed after this transaction's snapshot was taken. */
    Mono<Brand> findByNameCommitted(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM brands WHERE name = :name" + LockMode.SHARE.clause())
                .bind("name", name)
                .map(BrandRepository::toBrand)
                .one();
    }

    Mono<List<Brand>> list(String q, Long vendorId, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM brands WHERE id > :after"
                        + (q == null ? "" : " AND name LIKE :q")
                        + (vendorId == null ? "" : " AND vendor_id = :vendorId")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
        }
        if (vendorId != null) {
            query = query.bind("vendorId", vendorId);
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(BrandRepository::toBrand).all().collectList();
    }

    Mono<Long> insert(BrandDetails details) {
        return bindDetails(db.sql("INSERT INTO brands (name, vendor_id, description) "
                        + "VALUES (:name, :vendorId, :description)"), details)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, BrandDetails details) {
        return bindDetails(db.sql("UPDATE brands SET name = :name, vendor_id = :vendorId, "
                        + "description = :description, version = version + 1 WHERE id = :id AND version = :version"),
                details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE brands SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM brands WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    Mono<Long> countByVendor(long vendorId) {
        return db.sql("SELECT COUNT(*) AS n FROM brands WHERE vendor_id = :vendorId")
                .bind("vendorId", vendorId)
                .map(row -> Rows.id(row, "n"))
                .one();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            BrandDetails details) {
        return spec.bind("name", details.name())
                .bind("vendorId", Parameter.fromOrEmpty(details.vendorId(), Long.class))
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class));
    }

    private static Brand toBrand(Readable row) {
        return new Brand(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("vendor_id", Long.class),
                row.get("description", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
