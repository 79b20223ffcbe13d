package dev.terp.masterdata.category;

import java.util.Collection;
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
class SubcategoryRepository {

    private static final String COLUMNS = "id, category_id, name, description, active, version, created_at, "
            + "updated_at";

    private final DatabaseClient db;

    SubcategoryRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Subcategory> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM subcategories WHERE id = :id")
                .bind("id", id)
                .map(SubcategoryRepository::toSubcategory)
                .one();
    }

    /** The column's collation ignores case. */
    Mono<Subcategory> findByName(long categoryId, String name) {
        return db.sql("SELECT " + COLUMNS + " FROM subcategories WHERE category_id = :categoryId AND name = :name")
                .bind("categoryId", categoryId)
                .bind("name", name)
                .map(SubcategoryRepository::toSubcategory)
                .one();
    }

    Mono<Subcategory> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM subcategories WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(SubcategoryRepository::toSubcategory)
                .one();
    }

    Mono<List<Subcategory>> listOfCategory(long categoryId, String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM subcategories "
                        + "WHERE category_id = :categoryId AND id > :after"
                        + (q == null ? "" : " AND name LIKE :q")
                        + (active == null ? "" : " AND active = :active")
                        + " ORDER BY id LIMIT :limit")
                .bind("categoryId", categoryId)
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(SubcategoryRepository::toSubcategory).all().collectList();
    }

    /** Every subcategory of the given categories in one query, so a page of categories costs two queries. */
    Mono<List<Subcategory>> listOfCategories(Collection<Long> categoryIds) {
        if (categoryIds.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM subcategories WHERE category_id IN (:categoryIds) "
                        + "ORDER BY category_id, id")
                .bind("categoryIds", List.copyOf(categoryIds))
                .map(SubcategoryRepository::toSubcategory)
                .all().collectList();
    }

    Mono<Long> countOfCategory(long categoryId) {
        return db.sql("SELECT COUNT(*) AS n FROM subcategories WHERE category_id = :categoryId")
                .bind("categoryId", categoryId)
                .map(row -> row.get("n", Long.class))
                .one();
    }

    Mono<Long> insert(long categoryId, CategoryDetails details) {
        return bindDetails(db.sql("INSERT INTO subcategories (category_id, name, description) "
                        + "VALUES (:categoryId, :name, :description)"), details)
                .bind("categoryId", categoryId)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, CategoryDetails details) {
        return bindDetails(db.sql("UPDATE subcategories SET name = :name, description = :description, "
                        + "version = version + 1 WHERE id = :id AND version = :version"), details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE subcategories SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM subcategories WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            CategoryDetails details) {
        return spec.bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class));
    }

    private static Subcategory toSubcategory(Readable row) {
        return new Subcategory(
                Rows.id(row, "id"),
                Rows.id(row, "category_id"),
                row.get("name", String.class),
                row.get("description", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
