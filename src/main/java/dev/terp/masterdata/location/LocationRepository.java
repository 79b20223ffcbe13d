package dev.terp.masterdata.location;

import java.math.BigDecimal;
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

/**
 * Absent address parts are stored as '' (the unique key over the whole address would never see two NULLs as equal)
 * and read back as null; that translation lives only here.
 */
@Repository
class LocationRepository {

    private static final String COLUMNS = "id, site, zone, rack, shelf, bin, capacity, active, version, created_at, "
            + "updated_at";

    private final DatabaseClient db;

    LocationRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Location> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM locations WHERE id = :id")
                .bind("id", id)
                .map(LocationRepository::toLocation)
                .one();
    }

    Mono<Location> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM locations WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(LocationRepository::toLocation)
                .one();
    }

    Mono<Location> findByAddress(LocationAddress address) {
        return bindAddress(db.sql("SELECT " + COLUMNS + " FROM locations WHERE site = :site AND zone = :zone "
                        + "AND rack = :rack AND shelf = :shelf AND bin = :bin"), address)
                .map(LocationRepository::toLocation)
                .one();
    }

    /** A current read: sees a row committed after this transaction's snapshot was taken. */
    Mono<Location> findByAddressCommitted(LocationAddress address) {
        return bindAddress(db.sql("SELECT " + COLUMNS + " FROM locations WHERE site = :site AND zone = :zone "
                        + "AND rack = :rack AND shelf = :shelf AND bin = :bin" + LockMode.SHARE.clause()), address)
                .map(LocationRepository::toLocation)
                .one();
    }

    Mono<List<Location>> list(String q, String site, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM locations WHERE id > :after"
                        + (q == null ? "" : " AND (site LIKE :q OR zone LIKE :q OR rack LIKE :q OR shelf LIKE :q "
                                + "OR bin LIKE :q)")
                        + (site == null ? "" : " AND site = :site")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
        }
        if (site != null) {
            query = query.bind("site", site);
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(LocationRepository::toLocation).all().collectList();
    }

    Mono<Long> insert(LocationAddress address, BigDecimal capacity) {
        return bindAddress(db.sql("INSERT INTO locations (site, zone, rack, shelf, bin, capacity) "
                        + "VALUES (:site, :zone, :rack, :shelf, :bin, :capacity)"), address)
                .bind("capacity", Parameter.fromOrEmpty(capacity, BigDecimal.class))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, LocationAddress address, BigDecimal capacity) {
        return bindAddress(db.sql("UPDATE locations SET site = :site, zone = :zone, rack = :rack, shelf = :shelf, "
                        + "bin = :bin, capacity = :capacity, version = version + 1 "
                        + "WHERE id = :id AND version = :version"), address)
                .bind("capacity", Parameter.fromOrEmpty(capacity, BigDecimal.class))
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE locations SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM locations WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindAddress(DatabaseClient.GenericExecuteSpec spec,
            LocationAddress address) {
        return spec.bind("site", address.site())
                .bind("zone", stored(address.zone()))
                .bind("rack", stored(address.rack()))
                .bind("shelf", stored(address.shelf()))
                .bind("bin", stored(address.bin()));
    }

    private static String stored(String part) {
        return part == null ? "" : part;
    }

    private static String shown(String stored) {
        return stored == null || stored.isEmpty() ? null : stored;
    }

    private static Location toLocation(Readable row) {
        return new Location(
                Rows.id(row, "id"),
                row.get("site", String.class),
                shown(row.get("zone", String.class)),
                shown(row.get("rack", String.class)),
                shown(row.get("shelf", String.class)),
                shown(row.get("bin", String.class)),
                row.get("capacity", BigDecimal.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
