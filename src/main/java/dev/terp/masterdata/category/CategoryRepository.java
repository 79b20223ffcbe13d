package dev.terp.masterdata.category;

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
class CategoryRepository {

    private static final String COLUMNS = "id, name, description, active, version, created_at, updated_at";

    private final DatabaseClient db;

    CategoryRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Category> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM categories WHERE id = :id")
                .bind("id", id)
                .map(CategoryRepository::toCategory)
                .one();
    }

    /** The column's collation ignores case, so "flower" finds "Flower". */
    Mono<Category> findByName(String name) {
        return db.sql("SELECT " + COLUMNS + " FROM categories WHERE name = :name")
                .bind("name", name)
                .map(CategoryRepository::toCategory)
                .one();
    }

    Mono<Category> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM categories WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(CategoryRepository::toCategory)
                .one();
    }

    /** {@code q} finds a category by its own name or by the name of one of its subcategories. */
    Mono<List<Category>> list(String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM categories c WHERE c.id > :after"
                        + (q == null ? "" : " AND (c.name LIKE :q OR EXISTS (SELECT 1 FROM subcategories s "
                                + "WHERE s.category_id = c.id AND s.name LIKE :q))")
                        + (active == null ? "" : " AND c.active = :active")
                        + " ORDER BY c.id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
        }
        if (active != null) {
            query = query.bind("active", active);
        }
        return query.map(CategoryRepository::toCategory).all().collectList();
    }

    Mono<Long> insert(CategoryDetails details) {
        return bindDetails(db.sql("INSERT INTO categories (name, description) VALUES (:name, :description)"), details)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, CategoryDetails details) {
        return bindDetails(db.sql("UPDATE categories SET name = :name, description = :description, "
                        + "version = version + 1 WHERE id = :id AND version = :version"), details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE categories SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM categories WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            CategoryDetails details) {
        return spec.bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class));
    }

    private static Category toCategory(Readable row) {
        return new Category(
                Rows.id(row, "id"),
                row.get("name", String.class),
                row.get("description", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
