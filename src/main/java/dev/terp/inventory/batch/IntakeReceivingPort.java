package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.BatchStatus;

import org.springframework.stereotype.Service;

/**
 * How intake (a direct intake and intake sessions) creates batches and receives stock into them: the one door into
 * batches for receiving. A batch is always created empty ({@link #announce}); its stock arrives only through
 * {@link #receive}, so every unit on hand has its INTAKE movement. Each call joins the caller's transaction, so a
 * session's completion (every line's stock, every status change, the session itself) commits or rolls back as one;
 * alone, a call runs in its own retrying transaction. Stock goes through {@link StockKeeper} and status through
 * {@link BatchService#changeStatus}, so the movement ledger, the location rows and the audit rows stay the same as
 * for every other change. The acting user is the request's, never a parameter.
 */
@Service
public class IntakeReceivingPort {

    private final BatchRepository batches;
    private final BatchLocationRepository locations;
    private final BatchService batchService;
    private final StockKeeper stock;
    private final LocationCapacity capacity;

    IntakeReceivingPort(BatchRepository batches, BatchLocationRepository locations, BatchService batchService,
            StockKeeper stock, LocationCapacity capacity) {
        this.batches = batches;
        this.locations = locations;
        this.batchService = batchService;
        this.stock = stock;
        this.capacity = capacity;
    }

    /**
     * Locks the batches in ascending id order (so completions of overlapping sessions queue instead of deadlocking),
     * then the capacity-limited locations they hold stock at (the lock order of {@link LocationCapacity}), and answers
     * the batches in id order; unknown ids are absent. Only meaningful inside the caller's transaction.
     */
    public Mono<List<Batch>> lockInIdOrder(Collection<Long> ids) {
        return stock.lockInIdOrder(ids);
    }

    /** What a new batch is made of; it is created AWAITING_INTAKE with every bucket at zero. */
    public record NewBatch(String code, String sku, long productId, long lotId, Long gradeId, String cogsMode,
            BigDecimal unitCogs, BigDecimal unitCogsMin, BigDecimal unitCogsMax, String paymentTerms,
            LocalDate expirationDate) {
    }

    /**
     * Announces a batch: created AWAITING_INTAKE with nothing on hand, with an empty row at the location its stock
     * will go to (so the first receipt lands there). Only inside the caller's transaction.
     */
    public Mono<Long> announce(NewBatch batch, long locationId) {
        return batches.insert(batch).flatMap(batchId -> capacity.lockLimitedLocations(List.of(), List.of(locationId))
                .then(locations.ensure(batchId, locationId))
                .thenReturn(batchId));
    }

    /**
     * The batch read current and share-locked: a completion that is receiving it holds its row lock, so this waits
     * and then sees the result; until this transaction ends, nothing changes the batch. Empty when unknown.
     */
    public Mono<Batch> shareLock(long batchId) {
        return batches.shareLockById(batchId);
    }

    /** The vendor the batch was bought from (its lot's). */
    public Mono<Long> vendorOf(long batchId) {
        return batches.shareLockVendorOf(batchId);
    }

    /** On-hand grows by {@code quantity}: one INTAKE movement pointing at {@code reference}, and an audit row. */
    public Mono<Batch> receive(long batchId, BigDecimal quantity, StockReference reference, String reason) {
        return stock.apply(batchId, StockOperation.receive(quantity), reference, reason);
    }

    /** AWAITING_INTAKE → LIVE through the batch lifecycle; an illegal move is 409 INVALID_STATE_TRANSITION. */
    public Mono<Batch> goLive(long batchId, String reason) {
        return batchService.changeStatus(batchId, BatchStatus.LIVE, reason);
    }
}
