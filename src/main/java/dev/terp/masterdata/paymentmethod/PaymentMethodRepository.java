package dev.terp.masterdata.paymentmethod;

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
class PaymentMethodRepository {

    static final LockableTable TABLE = new LockableTable("payment_methods");

    private static final String COLUMNS = "id, code, name, description, sort_order, active, version, created_at, "
            + "updated_at";

    private final DatabaseClient db;

    PaymentMethodRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<PaymentMethod> findById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM payment_methods WHERE id = :id")
                .bind("id", id)
                .map(PaymentMethodRepository::toPaymentMethod)
                .one();
    }

    Mono<PaymentMethod> findByCode(String code) {
        return db.sql("SELECT " + COLUMNS + " FROM payment_methods WHERE code = :code")
                .bind("code", code)
                .map(PaymentMethodRepository::toPaymentMethod)
                .one();
    }

    Mono<PaymentMethod> lockById(long id) {
        return db.sql("SELECT " + COLUMNS + " FROM payment_methods WHERE id = :id" + LockMode.WAIT.clause())
                .bind("id", id)
                .map(PaymentMethodRepository::toPaymentMethod)
                .one();
    }

    Mono<List<PaymentMethod>> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM payment_methods WHERE id IN (:ids) ORDER BY id")
                .bind("ids", List.copyOf(ids))
                .map(PaymentMethodRepository::toPaymentMethod)
                .all().collectList();
    }

    Mono<List<PaymentMethod>> findByCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Mono.just(List.of());
        }
        return db.sql("SELECT " + COLUMNS + " FROM payment_methods WHERE code IN (:codes) ORDER BY id")
                .bind("codes", List.copyOf(codes))
                .map(PaymentMethodRepository::toPaymentMethod)
                .all().collectList();
    }

    Mono<List<PaymentMethod>> list(String q, Boolean active, PageRequest page) {
        DatabaseClient.GenericExecuteSpec query = db.sql("SELECT " + COLUMNS + " FROM payment_methods "
                        + "WHERE id > :after"
                        + (q == null ? "" : " AND (code LIKE :q OR name LIKE :q)")
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
        return query.map(PaymentMethodRepository::toPaymentMethod).all().collectList();
    }

    Mono<Long> insert(PaymentMethodDetails details) {
        return db.sql("INSERT INTO payment_methods (code, name, description, sort_order) "
                        + "VALUES (:code, :name, :description, :sortOrder)")
                .bind("code", details.code())
                .bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class))
                .bind("sortOrder", details.sortOrder() == null ? 0 : details.sortOrder())
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    /**
     * Inserts the method unless its code is taken and answers whether it did. The unique code key decides, not a
     * prior read, so concurrent callers can never create a code twice.
     */
    Mono<Boolean> insertIfMissing(PaymentMethodDetails method) {
        return db.sql("INSERT IGNORE INTO payment_methods (code, name, description, sort_order) "
                        + "VALUES (:code, :name, :description, :sortOrder)")
                .bind("code", method.code())
                .bind("name", method.name())
                .bind("description", Parameter.fromOrEmpty(method.description(), String.class))
                .bind("sortOrder", method.sortOrder() == null ? 0 : method.sortOrder())
                .fetch().rowsUpdated()
                .map(rows -> rows > 0);
    }

    Mono<Long> update(long id, long expectedVersion, PaymentMethodDetails details) {
        return db.sql("UPDATE payment_methods SET code = :code, name = :name, description = :description, "
                        + "sort_order = COALESCE(:sortOrder, sort_order), version = version + 1 "
                        + "WHERE id = :id AND version = :version")
                .bind("code", details.code())
                .bind("name", details.name())
                .bind("description", Parameter.fromOrEmpty(details.description(), String.class))
                .bind("sortOrder", Parameter.fromOrEmpty(details.sortOrder(), Integer.class))
                .bind("id", id)
                .bind("version", expectedVersion)
                .fetch().rowsUpdated();
    }

    Mono<Long> setActive(long id, boolean active) {
        return db.sql("UPDATE payment_methods SET active = :active, version = version + 1 WHERE id = :id")
                .bind("active", active)
                .bind("id", id)
                .fetch().rowsUpdated();
    }

    Mono<Long> delete(long id) {
        return db.sql("DELETE FROM payment_methods WHERE id = :id").bind("id", id).fetch().rowsUpdated();
    }

    private static PaymentMethod toPaymentMethod(Readable row) {
        return new PaymentMethod(
                Rows.id(row, "id"),
                row.get("code", String.class),
                row.get("name", String.class),
                row.get("description", String.class),
                row.get("sort_order", Integer.class),
                Rows.bool(row, "active"),
                Rows.id(row, "version"),
                Rows.instant(row, "created_at"),
                Rows.instant(row, "updated_at"));
    }
}
