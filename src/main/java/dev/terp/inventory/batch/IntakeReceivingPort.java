package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.BatchStatus;

import org.springframework.stereotype.Service;

/**
 * How intake sessions receive stock into batches that already exist. Each call joins the caller's transaction, so a
 * session's completion (every line's stock, every status change, the session itself) commits or rolls back as one;
 * alone, a call runs in its own retrying transaction. Stock goes through {@link StockKeeper} and status through
 * {@link BatchService#changeStatus}, so the movement ledger, the location rows and the audit rows stay the same as
 * for every other change. The acting user is the request's, never a parameter.
 */
@Service
public class IntakeReceivingPort {

    private final BatchRepository batches;
    private final BatchService batchService;
    private final StockKeeper stock;
    private final LocationCapacity capacity;

    IntakeReceivingPort(BatchRepository batches, BatchService batchService, StockKeeper stock,
            LocationCapacity capacity) {
        this.batches = batches;
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
        return ids.isEmpty() ? Mono.just(List.of())
                : batches.lockAll(List.copyOf(ids))
                        .flatMap(locked -> capacity.lockLimitedLocations(ids, List.of()).thenReturn(locked));
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
