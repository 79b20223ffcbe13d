package dev.terp.inventory.batch;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** How many batch, batch location and movement rows point at a master-data record (see {@link BatchUsageProbes}). */
@Repository
class MasterDataUsageRepository {

    private final DatabaseClient db;

    MasterDataUsageRepository(DatabaseClient db) {
        this.db = db;
    }

    Mono<Long> batchesOfProduct(long productId) {
        return count("SELECT COUNT(*) AS n FROM batches WHERE product_id = :id", productId);
    }

    Mono<Long> batchesOfGrade(long gradeId) {
        return count("SELECT COUNT(*) AS n FROM batches WHERE grade_id = :id", gradeId);
    }

    Mono<Long> batchLocationsAt(long locationId) {
        return count("SELECT COUNT(*) AS n FROM batch_locations WHERE location_id = :id", locationId);
    }

    Mono<Long> movementsAt(long locationId) {
        return count("SELECT COUNT(*) AS n FROM inventory_movements WHERE location_id = :id", locationId);
    }

    private Mono<Long> count(String sql, long id) {
        return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one();
    }
}
