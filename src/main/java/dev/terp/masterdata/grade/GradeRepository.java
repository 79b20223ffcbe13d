package dev.terp.masterdata.grade;

import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.LockMode;
import dev.terp.platform.persistence.LockableTable;
import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

@Repository
class GradeRepository {

    static final LockableTable TABLE = new LockableTable("grades");

    private static final String COLUMNS = "id, name, description, sort_order, active, version, created_at, updated_at";

    private final DatabaseClient db;

    GradeRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Grade> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM grades WHERE id = :id")
                .bind("id", id)
                .map(GradeRepository::toGrade)
                .one();
    }

    /** The column's collation ignores case. */
    Mono<Grade> findByName(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM grades WHERE name = :name")
                .bind("name", name)
                .map(GradeRepository::toGrade)
                .one();
    }

    Mono<Grade> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM grades WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(GradeRepository::toGrade)
                .one();
    }

    Mono<List<Grade>> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM grades WHERE id IN (:ids) ORDER BY id")
                .bind("ids", List.copyOf(ids))
                .map(GradeRepository::toGrade)
                .all().collectList();
    }

    Mono<List<Grade>> list(String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM grades WHERE id > :after"
                        + (q == null ? "" : " AND (name LIKE :q OR description LIKE :q)")
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
        return query.map(GradeRepository::toGrade).all().collectList();
    }

    Mono<Long> insert(GradeDetails details) {
        return db.sql("INSERT INTO grades (name, description, sort_order) VALUES (:name, :description, :sortOrder)")
                .bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class))
                .bind("sortOrder", details.sortOrder() == null ? 0 : details.sortOrder())
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, GradeDetails details) {
        return db.sql("UPDATE grades SET name = :name, description = :description, "
                        + "sort_order = COALESCE(:sortOrder, sort_order), version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class))
                .bind("sortOrder", Parameter.fromOrEmpty(details.sortOrder(), Integer.class))
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE grades SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM grades WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static Grade toGrade(Readable row) {
        return new Grade(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("sort_order", Integer.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
