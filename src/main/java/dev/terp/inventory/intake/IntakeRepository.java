package dev.terp.inventory.intake;

import java.time.LocalDate;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.Rows;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Lots: what intake owns itself (batches and their stock belong to the batch package, reached through its port). */
@Repository
class IntakeRepository {

    private final DatabaseClient db;

    IntakeRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> insertLot(String code, long vendorId, LocalDate receivedOn) {
        return db.sql("INSERT INTO lots (code, vendor_id, received_on) VALUES (:code, :vendorId, :receivedOn)")
                .bind("code", code)
                .bind("vendorId", vendorId)
                .bind("receivedOn", receivedOn)
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> Rows.id(row, "id"))
                .one();
    }

    Mono<Long> countLotsOfVendor(long vendorId) {
        return db.sql("SELECT COUNT(*) AS n FROM lots WHERE vendor_id = :vendorId")
                .bind("vendorId", vendorId)
                .map(row -> row.get("n", Long.class))
                .one();
    }
}
