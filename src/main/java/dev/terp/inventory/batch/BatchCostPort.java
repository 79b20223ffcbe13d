package dev.terp.inventory.batch;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * How the COGS module changes a batch's cost settings: batches belong to this package, so their cost columns are
 * written here. Only inside the caller's transaction, with the batch row locked; each write is conditional on the
 * version the client saw and answers the rows updated (0: gone or changed meanwhile).
 */
@Service
public class BatchCostPort {

    private final BatchRepository batches;

    BatchCostPort(BatchRepository batches) {
        this.batches = batches;
    }

    /** A FIXED batch's unit cost; the range columns keep their values. */
    public Mono<Long> setUnitCost(long batchId, BigDecimal unitCogs, long expectedVersion) {
        return batches.updateUnitCogs(batchId, unitCogs, expectedVersion);
    }

    /** A RANGE batch's bounds; the fixed unit cost keeps its value. */
    public Mono<Long> setCostRange(long batchId, BigDecimal min, BigDecimal max, long expectedVersion) {
        return batches.updateCogsRange(batchId, min, max, expectedVersion);
    }
}
