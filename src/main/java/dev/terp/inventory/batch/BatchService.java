package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.List;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.InvalidStateTransition;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.inventory.domain.MovementType;
import dev.terp.inventory.domain.Quantities;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.InvalidStateTransitionException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;

/** Batch reads, the status lifecycle and the operators' stock corrections. */
@Service
public class BatchService {

    static final String MOVEMENT = "InventoryMovement";

    /** How an adjustment's quantity is meant: the counted on-hand, or a signed correction of it. */
    public enum AdjustmentMode {
        ABSOLUTE, RELATIVE
    }

    private final BatchRepository batches;
    private final MovementRepository movements;
    private final BatchLocationRepository locations;
    private final StockKeeper stock;
    private final TransactionRunner tx;
    private final AuditTrail audit;

    BatchService(BatchRepository batches, MovementRepository movements, BatchLocationRepository locations,
            StockKeeper stock, TransactionRunner tx, AuditTrail audit) {
        this.batches = batches;
        this.movements = movements;
        this.locations = locations;
        this.stock = stock;
        this.tx = tx;
        this.audit = audit;
    }

    public Mono<Batch> get(long id) {
        return batches.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(StockKeeper.RESOURCE, id)));
    }

    public Mono<Page<Batch>> list(BatchStatus status, Long productId, String q, PageRequest page) {
        return batches.list(status, productId, q, page).map(rows -> Page.of(rows, page, Batch::id));
    }

    /** Moving to the current status is a no-op and writes nothing. A batch is closed only when it is empty. */
    public Mono<Batch> changeStatus(long id, BatchStatus target, String reason) {
        return tx.inRetryingTransaction(() -> stock.lockExisting(id).flatMap(before -> {
            try {
                before.status().moveTo(target);
            } catch (InvalidStateTransition refused) {
                return Mono.error(new InvalidStateTransitionException(
                        "Batch " + id + " cannot go from " + refused.from() + " to " + refused.to()));
            }
            if (before.status() == target) {
                return Mono.just(before);
            }
            if (target == BatchStatus.CLOSED && before.onHandQty().signum() != 0) {
                return Mono.error(new ConflictException("Batch " + id + " still has "
                        + Quantities.format(before.onHandQty()) + " on hand; only an empty batch can be closed"));
            }
            return batches.updateStatus(id, target)
                    .then(batches.findById(id))
                    .flatMap(after -> audit.record(StockKeeper.RESOURCE, id, "STATUS_CHANGED", BatchView.of(before),
                            BatchView.of(after), reason).thenReturn(after));
        }));
    }

    public Mono<Batch> adjust(long id, AdjustmentMode mode, BigDecimal quantity, String reason) {
        StockOperation operation = mode == AdjustmentMode.ABSOLUTE
                ? StockOperation.adjustTo(quantity)
                : StockOperation.adjustBy(quantity);
        return stock.apply(id, operation, StockReference.NONE, reason);
    }

    public Mono<Batch> quarantine(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.quarantine(quantity), StockReference.NONE, reason);
    }

    public Mono<Batch> releaseQuarantine(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.releaseQuarantine(quantity), StockReference.NONE, reason);
    }

    public Mono<Batch> hold(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.hold(quantity), StockReference.NONE, reason);
    }

    public Mono<Batch> releaseHold(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.releaseHold(quantity), StockReference.NONE, reason);
    }

    public Mono<Batch> dispose(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.dispose(quantity), StockReference.NONE, reason);
    }

    public Mono<List<Slot>> transfer(long id, long fromLocationId, long toLocationId, BigDecimal quantity,
            String reason) {
        return stock.transfer(id, fromLocationId, toLocationId, quantity, reason);
    }

    /** Per-location quantities, ascending location id. An unplaced batch has none. */
    public Mono<List<Slot>> locations(long id) {
        return get(id).then(locations.list(id));
    }

    public Mono<Batch> moveToSamples(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.moveToSamples(quantity), StockReference.NONE, reason);
    }

    public Mono<Batch> returnFromSamples(long id, BigDecimal quantity, String reason) {
        return stock.apply(id, StockOperation.returnFromSamples(quantity), StockReference.NONE, reason);
    }

    /** The flags sample fulfilment picks batches by (domain §4.15); optimistic, as an interactive edit. */
    public Mono<Batch> changeSampleFlags(long id, boolean sampleOnly, boolean sampleAvailable, long expectedVersion) {
        return tx.inRetryingTransaction(() -> get(id).flatMap(before -> OptimisticLocking.requireUpdated(
                        batches.updateSampleFlags(id, sampleOnly, sampleAvailable, expectedVersion),
                        () -> batches.exists(id), StockKeeper.RESOURCE, id)
                .then(batches.findById(id))
                .flatMap(after -> audit.record(StockKeeper.RESOURCE, id, "SAMPLE_FLAGS_CHANGED",
                        new SampleFlags(before.sampleOnly(), before.sampleAvailable()),
                        new SampleFlags(after.sampleOnly(), after.sampleAvailable()), null).thenReturn(after))));
    }

    /** What an audit row of a sample-flag change records. */
    record SampleFlags(boolean sampleOnly, boolean sampleAvailable) {
    }

    public Mono<Page<InventoryMovement>> movements(long batchId, PageRequest page) {
        return get(batchId).then(movements.listForBatch(batchId, page))
                .map(rows -> Page.of(rows, page, InventoryMovement::id));
    }

    public Mono<InventoryMovement> movement(long id) {
        return movements.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(MOVEMENT, id)));
    }

    /**
     * Applies the opposite of a movement as an ADJUSTMENT that points at it (TERP's reverse, domain §4.12). A
     * movement is reversed at most once; the check runs under the batch lock, so two reversals cannot both pass.
     */
    public Mono<InventoryMovement> reverse(long movementId, String reason) {
        return movement(movementId).flatMap(original -> {
                    if (original.bucket() == Bucket.SAMPLE || original.movementType() == MovementType.SAMPLE) {
                        return Mono.error(new ConflictException("Sample-pool movements cannot be reversed here; "
                                + "return the samples instead"));
                    }
                    // A transfer row holds one location's quantity; negating it alone would change on-hand.
                    if (original.movementType() == MovementType.TRANSFER) {
                        return Mono.error(new ConflictException("Transfers cannot be reversed here; transfer the "
                                + "stock back instead"));
                    }
                    return tx.inRetryingTransaction(() -> stock.apply(original.batchId(),
                                    StockOperation.reverse(original.bucket(), original.quantityChange()),
                                    StockReference.of(MOVEMENT, movementId), reason, movementId,
                                    batch -> movements.isReversed(movementId).flatMap(reversed -> reversed
                                            ? Mono.error(new ConflictException("Movement " + movementId
                                                    + " has already been reversed"))
                                            : Mono.<Void>empty()))
                            .then(movements.reversalOf(movementId)));
                });
    }
}
