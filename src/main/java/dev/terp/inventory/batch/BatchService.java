package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.domain.BatchLifecycle;
import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.InvalidStateTransition;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.inventory.domain.MovementType;
import dev.terp.masterdata.grade.GradeService;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.InvalidStateTransitionException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.errors.VersionConflictException;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Service;

/** Batch reads, the status lifecycle and the operators' stock corrections. */
@Service
public class BatchService {

    static final String MOVEMENT = "InventoryMovement";
    static final String BULK_FIELD = "batchIds";
    /** Upper bound of one bulk status change: keeps the lock set and the transaction short. */
    public static final int MAX_BULK = 200;

    /** How an adjustment's quantity is meant: the counted on-hand, or a signed correction of it. */
    public enum AdjustmentMode {
        ABSOLUTE, RELATIVE
    }

    private final BatchRepository batches;
    private final MovementRepository movements;
    private final BatchLocationRepository locations;
    private final ReservationRepository reservationRows;
    private final StockKeeper stock;
    private final GradeService grades;
    private final TransactionRunner tx;
    private final BusinessTelemetry.Operation adjustment;
    private final BusinessTelemetry.Amount unitsAdjusted;
    private final BusinessTelemetry.Amount unitsDisposed;
    private final AuditTrail audit;

    BatchService(BatchRepository batches, MovementRepository movements, BatchLocationRepository locations,
            ReservationRepository reservationRows, StockKeeper stock, GradeService grades, TransactionRunner tx,
            AuditTrail audit, BusinessTelemetry telemetry) {
        this.adjustment = telemetry.operation("inventory.adjustment");
        this.unitsAdjusted = telemetry.amount("inventory.units", "movement", "adjusted");
        this.unitsDisposed = telemetry.amount("inventory.units", "movement", "disposed");
        this.batches = batches;
        this.movements = movements;
        this.locations = locations;
        this.reservationRows = reservationRows;
        this.stock = stock;
        this.grades = grades;
        this.tx = tx;
        this.audit = audit;
    }

    public Mono<Batch> get(long id) {
        return batches.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(StockKeeper.RESOURCE, id)));
    }

    public Mono<Page<Batch>> list(BatchFilter filter, PageRequest page) {
        return batches.list(filter, page).map(rows -> Page.of(rows, page, Batch::id));
    }

    /**
     * Moves many batches to one status, all or nothing: every row is locked (ascending id) and every transition
     * checked before anything is written, so one refused batch leaves all of them untouched. Unknown ids → 400,
     * refused transitions → 409; both name each offending element as {@code batchIds[i]}. A batch already in the
     * target status is a no-op (no write, no audit row), as in {@link #changeStatus}. Answers the batches in request
     * order.
     */
    public Mono<List<Batch>> changeStatuses(List<Long> ids, BatchStatus target, String reason) {
        requireWellFormed(ids);
        return tx.inRetryingTransaction(() -> batches.lockAll(ids).flatMap(locked -> {
            Map<Long, Batch> byId = new HashMap<>();
            locked.forEach(batch -> byId.put(batch.id(), batch));
            List<FieldViolation> unknown = new ArrayList<>();
            List<FieldViolation> refused = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Batch batch = byId.get(ids.get(i));
                if (batch == null) {
                    unknown.add(new FieldViolation(BULK_FIELD + "[" + i + "]", "no batch has id " + ids.get(i)));
                } else {
                    try {
                        BatchLifecycle.move(batch.status(), target, batch.quantities());
                    } catch (InvalidStateTransition refusal) {
                        refused.add(new FieldViolation(BULK_FIELD + "[" + i + "]", "batch " + batch.id() + " "
                                + refusal.describe()));
                    }
                }
            }
            if (!unknown.isEmpty()) {
                return Mono.error(new ValidationException(unknown));
            }
            if (!refused.isEmpty()) {
                return Mono.error(new ApiException(ErrorCode.INVALID_STATE_TRANSITION, refused.size() + " of "
                        + ids.size() + " batches cannot move to " + target + "; nothing was changed", refused));
            }
            // Sequential, so the writes and audit rows run one after another on the transaction's connection.
            return Flux.fromIterable(locked)
                    .concatMap(before -> before.status() == target
                            ? Mono.just(before)
                            : batches.updateStatus(before.id(), target)
                                    .then(batches.findById(before.id()))
                                    .flatMap(after -> audit.record(StockKeeper.RESOURCE, before.id(),
                                            "STATUS_CHANGED", BatchView.of(before), BatchView.of(after), reason)
                                            .thenReturn(after)))
                    .collectMap(Batch::id)
                    .map(after -> ids.stream().map(after::get).toList());
        }));
    }

    /** Rejects null, non-positive and repeated ids before any row is locked; the list size is the handler's. */
    private static void requireWellFormed(List<Long> ids) {
        Set<Long> seen = new HashSet<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = ids.get(i);
            if (id == null) {
                violations.add(new FieldViolation(BULK_FIELD + "[" + i + "]", "must not be null"));
            } else if (id <= 0) {
                violations.add(new FieldViolation(BULK_FIELD + "[" + i + "]", "must be a positive id"));
            } else if (!seen.add(id)) {
                violations.add(new FieldViolation(BULK_FIELD + "[" + i + "]", "repeats id " + id));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /**
     * Moving to the current status is a no-op and writes nothing. The rules that depend on stock (closing only an
     * empty batch, sold out only with nothing available) are {@link BatchLifecycle}'s, as for the bulk change.
     */
    public Mono<Batch> changeStatus(long id, BatchStatus target, String reason) {
        return tx.inRetryingTransaction(() -> stock.lockExisting(id).flatMap(before -> {
            try {
                BatchLifecycle.move(before.status(), target, before.quantities());
            } catch (InvalidStateTransition refused) {
                return Mono.error(new InvalidStateTransitionException("Batch " + id + " " + refused.describe()));
            }
            if (before.status() == target) {
                return Mono.just(before);
            }
            return batches.updateStatus(id, target)
                    .then(batches.findById(id))
                    .flatMap(after -> audit.record(StockKeeper.RESOURCE, id, "STATUS_CHANGED", BatchView.of(before),
                            BatchView.of(after), reason).thenReturn(after));
        }));
    }

    /**
     * A count (ABSOLUTE) replaces on-hand, so it is checked against the version the counter saw
     * ({@code expectedVersion}, required): a sale or correction committed since then makes it a 409
     * VERSION_CONFLICT instead of being silently overwritten. A RELATIVE correction commutes with every other
     * change, so its version is optional (null: not checked).
     */
    public Mono<Batch> adjust(long id, AdjustmentMode mode, BigDecimal quantity, String reason, Long expectedVersion) {
        if (mode == AdjustmentMode.ABSOLUTE && expectedVersion == null) {
            throw new IllegalArgumentException("An ABSOLUTE adjustment needs the version the count was based on");
        }
        StockOperation operation = mode == AdjustmentMode.ABSOLUTE
                ? StockOperation.adjustTo(quantity)
                : StockOperation.adjustBy(quantity);
        // An absolute adjustment's delta is not known here; it counts in the operation timer, not in units.
        return adjustment.observe(stock.apply(id, operation, StockReference.NONE, reason, null,
                        locked -> expectedVersion == null || locked.version() == expectedVersion ? Mono.empty()
                                : Mono.error(new VersionConflictException())))
                .doOnNext(batch -> unitsAdjusted.add(mode == AdjustmentMode.RELATIVE ? quantity : null));
    }

    /** Who holds what of the batch: one page of holders, in the order they first reserved. */
    public Mono<Page<Reservation>> reservations(long id, PageRequest page) {
        return get(id).then(reservationRows.listForBatch(id, page)).map(rows -> Page.of(rows, page, Reservation::id));
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
        return adjustment.observe(stock.apply(id, StockOperation.dispose(quantity), StockReference.NONE, reason))
                .doOnNext(batch -> unitsDisposed.add(quantity));
    }

    public Mono<List<Slot>> transfer(long id, long fromLocationId, long toLocationId, BigDecimal quantity,
            String reason) {
        return stock.transfer(id, fromLocationId, toLocationId, quantity, reason);
    }

    /** A page of per-location quantities, ascending location id. An unplaced batch has none. */
    public Mono<Page<Slot>> locations(long id, PageRequest page) {
        return get(id).then(locations.list(id, page)).map(rows -> Page.of(rows, page, Slot::locationId));
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

    /** Whether {@code quantity} could be reserved now, and if not why (TERP's validateAvailability). */
    public Mono<Availability> availability(long id, BigDecimal quantity) {
        return get(id).map(batch -> new Availability(batch, quantity,
                stock.reservationRefusal(batch, quantity).orElse(null)));
    }

    /** An advisory answer read without locks: a reservation made next may still meet a concurrent one. */
    public record Availability(Batch batch, BigDecimal requested, ApiException refusal) {
    }

    /**
     * Corrects grade and expiration date. A later expiration date lets a batch be reserved again; alerts follow on
     * their next generation run.
     */
    public Mono<Batch> changeDetails(long id, Long gradeId, LocalDate expirationDate, long expectedVersion) {
        Mono<Void> gradeExists = gradeId == null ? Mono.empty() : grades.get(gradeId)
                .onErrorMap(NotFoundException.class,
                        missing -> ValidationException.of("gradeId", "grade " + gradeId + " does not exist"))
                .then();
        // Locked, so the audit's "before" is the row this update replaces.
        return tx.inRetryingTransaction(() -> gradeExists.then(stock.lockExisting(id))
                .flatMap(before -> OptimisticLocking
                        .requireUpdated(batches.updateDetails(id, gradeId, expirationDate, expectedVersion),
                                () -> batches.exists(id), StockKeeper.RESOURCE, id)
                        .then(batches.findById(id))
                        .flatMap(after -> audit.record(StockKeeper.RESOURCE, id, "DETAILS_CHANGED",
                                new Details(before.gradeId(), before.expirationDate()),
                                new Details(after.gradeId(), after.expirationDate()), null).thenReturn(after))));
    }

    /** What an audit row of a details change records. */
    record Details(Long gradeId, LocalDate expirationDate) {
    }

    /** What an audit row of a sample-flag change records. */
    record SampleFlags(boolean sampleOnly, boolean sampleAvailable) {
    }

    public Mono<Page<InventoryMovement>> movements(long batchId, PageRequest page) {
        return get(batchId).then(movements.listForBatch(batchId, page))
                .map(rows -> Page.of(rows, page, InventoryMovement::id));
    }

    /** Movements recorded with this reference (an order, a return ...), newest first, whatever their batch. */
    public Mono<Page<InventoryMovement>> movementsByReference(String referenceType, long referenceId,
            PageRequest page) {
        return movements.listForReference(referenceType, referenceId, page)
                .map(rows -> Page.of(rows, page, InventoryMovement::id));
    }

    /** One movement type's share of a batch's on-hand: the summed signed change of its ON_HAND movements. */
    public record TypeTotal(MovementType type, BigDecimal change, long movements) {
    }

    /** A batch's on-hand now, and how it got there, by movement type (TERP's inventoryMovements.getSummary). */
    public record MovementSummary(long batchId, BigDecimal onHand, List<TypeTotal> byType) {
    }

    /**
     * The batch and its totals are read in one transaction, so both come from the same snapshot (InnoDB's default
     * REPEATABLE READ) and a concurrent stock change cannot make them disagree.
     */
    public Mono<MovementSummary> movementSummary(long batchId) {
        return tx.inRetryingTransaction(() -> get(batchId).flatMap(batch -> movements.onHandTotals(batchId)
                .sort(Comparator.comparing(TypeTotal::type))
                .collectList()
                .map(totals -> new MovementSummary(batchId, batch.onHandQty(), totals))));
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
                    // A reservation belongs to its holder (stock_reservations); only the holder gives it back.
                    if (original.bucket() == Bucket.RESERVED) {
                        return Mono.error(new ConflictException("Reservation movements cannot be reversed; the "
                                + "holder (" + original.referenceType() + " " + original.referenceId()
                                + ") releases what it holds instead"));
                    }
                    // A sale also recorded its price (batch_sales); undoing only the stock would keep the revenue.
                    if (original.movementType() == MovementType.SALE) {
                        return Mono.error(new ConflictException("Sales cannot be reversed here; return the goods "
                                + "through their order instead"));
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
