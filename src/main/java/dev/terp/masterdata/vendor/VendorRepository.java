package dev.terp.masterdata.vendor;

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
class VendorRepository {

    private static final String COLUMNS = "id, name, contact_name, contact_email, contact_phone, notes, active, "
            + "version, created_at, updated_at";

    private final DatabaseClient db;

    VendorRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Vendor> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM vendors WHERE id = :id")
                .bind("id", id)
                .map(VendorRepository::toVendor)
                .one();
    }

    Mono<Vendor> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM vendors WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(VendorRepository::toVendor)
                .one();
    }

    /** The unique key's collation ignores case, so this finds the one vendor the key would clash with. */
    Mono<Vendor> findByName(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM vendors WHERE name = :name")
                .bind("name", name)
                .map(VendorRepository::toVendor)
                .one();
    }

    /** A current read: sees a row committed after this transaction's snapshot was taken. */
    Mono<Vendor> findByNameCommitted(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM vendors WHERE name = :name" + LockMode.SHARE.clause())
                .bind("name", name)
                .map(VendorRepository::toVendor)
                .one();
    }

    Mono<List<Vendor>> list(String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM vendors WHERE id > :after"
                        + (q == null ? "" : " AND (name LIKE :q OR contact_name LIKE :q OR contact_email LIKE :q)")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(VendorRepository::toVendor).all().collectList();
    }

    Mono<Long> insert(VendorDetails details) {
        return bindDetails(db.sql("INSERT INTO vendors (name, contact_name, contact_email, contact_phone, notes) "
                        + "VALUES (:name, :contactName, :contactEmail, :contactPhone, :notes)"), details)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, VendorDetails details) {
        return bindDetails(db.sql("UPDATE vendors SET name = :name, contact_name = :contactName, "
                        + "contact_email = :contactEmail, contact_phone = :contactPhone, notes = :notes, "
                        + "version = version + 1 WHERE id = :id AND version = :version"), details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE vendors SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM vendors WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            VendorDetails details) {
        return spec.bind("name", details.name())
                .bind("contactName", Parameter.fromOrEmpty(details.contactName(), String.class))
                .bind("contactEmail", Parameter.fromOrEmpty(details.contactEmail(), String.class))
                .bind("contactPhone", Parameter.fromOrEmpty(details.contactPhone(), String.class))
                .bind("notes", Parameter.fromOrEmpty(details.notes(), String.class));
    }

    private static Vendor toVendor(Readable row) {
        return new Vendor(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("contact_name", String.class),
                row.get("contact_email", String.class),
                row.get("contact_phone", String.class),
                row.get("notes", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
