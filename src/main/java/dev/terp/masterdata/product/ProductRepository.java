package dev.terp.masterdata.product;

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
 * Products. Reads join the names of brand, strain, category and subcategory: a read model for display only; every
 * check that a reference exists goes through the owning module's service.
 */
@Repository
class ProductRepository {

    private static final String SELECT = "SELECT p.id, p.brand_id, b.name AS brand_name, p.strain_id, "
            + "s.name AS strain_name, p.name_canonical, p.category_id, c.name AS category_name, p.subcategory_id, "
            + "sc.name AS subcategory_name, p.uom_sellable, p.description, p.active, p.version, p.created_at, "
            + "p.updated_at "
            + "FROM products p "
            + "JOIN brands b ON b.id = p.brand_id "
            + "LEFT JOIN strains s ON s.id = p.strain_id "
            + "JOIN categories c ON c.id = p.category_id "
            + "LEFT JOIN subcategories sc ON sc.id = p.subcategory_id ";

    private final DatabaseClient db;

    ProductRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Product> findById(long id) {
        return db.sql(SELECT + "WHERE p.id = :id")
                .bind("id", id)
                .map(ProductRepository::toProduct)
                .one();
    }

    /**
     * Locks the product row only, then reads it with its joined names: a FOR UPDATE over the join would also lock
     * the brand, strain and category rows, queueing unrelated edits of those behind this one.
     */
    Mono<Product> lockById(long id) {
        return db.sql("SELECT id FROM products WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(row -> Rows.id(row, "id"))
                .one()
                .flatMap(this::findById);
    }

    Mono<Product> findByBrandAndName(long brandId, String nameCanonical) {
        return db.sql(SELECT + "WHERE p.brand_id = :brandId AND p.name_canonical = :name")
                .bind("brandId", brandId)
                .bind("name", nameCanonical)
                .map(ProductRepository::toProduct)
                .one();
    }

    /**
     * A current read: sees a row committed after this transaction's snapshot was taken. The shared locks it also
     * takes on the joined brand/strain/category rows only delay edits of those until this transaction ends.
     */
    Mono<Product> findByBrandAndNameCommitted(long brandId, String nameCanonical) {
        return db.sql(SELECT + "WHERE p.brand_id = :brandId AND p.name_canonical = :name" + LockMode.SHARE.clause())
                .bind("brandId", brandId)
                .bind("name", nameCanonical)
                .map(ProductRepository::toProduct)
                .one();
    }

    /**
     * {@code q} matches the canonical name as typed or in canonical form ({@code qCanonical}, null when q has no
     * letter or digit), so "o'brien" finds "Obrien".
     */
    Mono<List<Product>> list(ProductFilter filter, PageRequest page) {
        String q = filter.q();
        String qCanonical = filter.qCanonical();
        DatabaseClient.GenericExecuteSpec query = db.sql(SELECT + "WHERE p.id > :after"
                        + (q == null ? "" : " AND (p.name_canonical LIKE :q"
                                + (qCanonical == null ? "" : " OR p.name_canonical LIKE :qCanonical") + ")")
                        + (filter.brandId() == null ? "" : " AND p.brand_id = :brandId")
                        + (filter.categoryId() == null ? "" : " AND p.category_id = :categoryId")
                        + (filter.strainId() == null ? "" : " AND p.strain_id = :strainId")
                        + (filter.active() == null ? "" : " AND p.active = :active")
                        + " ORDER BY p.id LIMIT :limit")
                .bind("after", page.afterId())
                .bind("limit", page.fetchSize());
        if (q != null) {
            query = query.bind("q", Like.contains(q));
            if (qCanonical != null) {
                query = query.bind("qCanonical", Like.contains(qCanonical));
            }
        }
        if (filter.brandId() != null) {
            query = query.bind("brandId", filter.brandId());
        }
        if (filter.categoryId() != null) {
            query = query.bind("categoryId", filter.categoryId());
        }
        if (filter.strainId() != null) {
            query = query.bind("strainId", filter.strainId());
        }
        if (filter.active() != null) {
            query = query.bind("active", filter.active());
        }
        return query.map(ProductRepository::toProduct).all().collectList();
    }

    Mono<Long> insert(ProductDetails details) {
        return bindDetails(db.sql("INSERT INTO products (brand_id, strain_id, name_canonical, category_id, "
                        + "subcategory_id, uom_sellable, description) VALUES (:brandId, :strainId, :nameCanonical, "
                        + ":categoryId, :subcategoryId, :uomSellable, :description)"), details)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> update(long id, long expectedVersion, ProductDetails details) {
        return bindDetails(db.sql("UPDATE products SET brand_id = :brandId, strain_id = :strainId, "
                        + "name_canonical = :nameCanonical, category_id = :categoryId, "
                        + "subcategory_id = :subcategoryId, uom_sellable = :uomSellable, description = :description, "
                        + "version = version + 1 WHERE id = :id AND version = :version"), details)
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE products SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM products WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    Mono<Long> countByBrand(long brandId) {
        return count("SELECT COUNT(*) AS n FROM products WHERE brand_id = :id", brandId);
    }

    Mono<Long> countByStrain(long strainId) {
        return count("SELECT COUNT(*) AS n FROM products WHERE strain_id = :id", strainId);
    }

    Mono<Long> countByCategory(long categoryId) {
        return count("SELECT COUNT(*) AS n FROM products WHERE category_id = :id", categoryId);
    }

    Mono<Long> countBySubcategory(long subcategoryId) {
        return count("SELECT COUNT(*) AS n FROM products WHERE subcategory_id = :id", subcategoryId);
    }

    private Mono<Long> count(String sql, long id) {
        return db.sql(sql).bind("id", id).map(row -> Rows.id(row, "n")).one();
    }

    private static DatabaseClient.GenericExecuteSpec bindDetails(DatabaseClient.GenericExecuteSpec spec,
            ProductDetails details) {
        return spec.bind("brandId", details.brandId())
                .bind("strainId", Parameter.fromOrEmpty(details.strainId(), Long.class))
                .bind("nameCanonical", details.nameCanonical())
                .bind("categoryId", details.categoryId())
                .bind("subcategoryId", Parameter.fromOrEmpty(details.subcategoryId(), Long.class))
                .bind("uomSellable", details.uomSellable())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class));
    }

    private static Product toProduct(Readable row) {
        return new Product(
                Rows.id(row, "id"),
                Rows.id(row, "brand_id"),
                row.get("brand_name", String.class),
                row.get("strain_id", Long.class),
                row.get("strain_name", String.class),
                row.get("name_canonical", String.class),
                Rows.id(row, "category_id"),
                row.get("category_name", String.class),
                row.get("subcategory_id", Long.class),
                row.get("subcategory_name", String.class),
                row.get("uom_sellable", String.class),
                row.get("description", String.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
