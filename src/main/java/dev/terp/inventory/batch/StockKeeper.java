package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.inventory.batch.MovementRepository.NewMovement;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.domain.BatchLifecycle;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.InsufficientInventory;
import dev.terp.inventory.domain.InvalidQuantity;
import dev.terp.inventory.domain.LocationStock;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.inventory.domain.MovementType;
import dev.terp.inventory.domain.Quantities;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.InsufficientInventoryException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.stereotype.Component;

/**
 * The one place stock changes (D-06, D-28): in one transaction it locks the batch row, checks the change against the
 * locked quantities, writes them, records a movement per changed bucket with its before/after, and audits.
 * Concurrent changes of a batch queue on its row lock, so each movement's "before" is the previous one's "after".
 * On-hand changes are also spread over the batch's location rows (see {@link LocationStock}) so their sum stays
 * equal to on-hand; transfers move stock between those rows without touching on-hand.
 */
@Component
class StockKeeper {

    static final String RESOURCE = "Batch";
    private static final List<Bucket> BUCKET_ORDER = List.of(Bucket.ON_HAND, Bucket.RESERVED, Bucket.QUARANTINE,
            Bucket.HOLD, Bucket.SAMPLE);

    private final BatchRepository batches;
    private final ReservationRepository reservations;
    private final MovementRepository movements;
    private final BatchLocationRepository locations;
    private final LocationCapacity capacity;
    private final TransactionRunner tx;
    private final AuditTrail audit;
    private final Clock clock;

    StockKeeper(BatchRepository batches, ReservationRepository reservations, MovementRepository movements,
            BatchLocationRepository locations, LocationCapacity capacity, TransactionRunner tx, AuditTrail audit,
            Clock clock) {
        this.batches = batches;
        this.reservations = reservations;
        this.movements = movements;
        this.locations = locations;
        this.capacity = capacity;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
    }

    Mono<Batch> apply(long batchId, StockOperation operation, StockReference reference, String reason) {
        return apply(batchId, operation, reference, reason, null, batch -> Mono.empty());
    }

    /**
     * {@code guard} runs after the lock is taken and before anything is checked or written; it may refuse the change
     * (a movement already reversed) knowing no one else can change the batch meanwhile.
     */
    Mono<Batch> apply(long batchId, StockOperation operation, StockReference reference, String reason,
            Long reversesMovementId, Function<Batch, Mono<Void>> guard) {
        return tx.inRetryingTransaction(() -> RequestContext.actingUser()
                .flatMap(actor -> lockExisting(batchId)
                        .flatMap(before -> guard.apply(before).then(Mono.fromCallable(() -> check(before, operation)))
                                .flatMap(after -> after.equals(before.quantities())
                                        ? Mono.just(before)
                                        : write(before, after, operation, reference, reason, actor,
                                                reversesMovementId)))));
    }

    Mono<Batch> lockExisting(long batchId) {
        return batches.lockById(batchId).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, batchId)));
    }

    /**
     * Locks the batches in ascending id order, then the capacity-limited locations they hold stock at (the lock
     * order of {@link LocationCapacity}), and answers the batches in id order; unknown ids are absent. A unit of work
     * that changes several batches calls this first, so overlapping units queue instead of deadlocking. Only
     * meaningful inside the caller's transaction.
     */
    Mono<List<Batch>> lockInIdOrder(Collection<Long> ids) {
        return ids.isEmpty() ? Mono.just(List.of())
                : batches.lockAll(List.copyOf(ids))
                        .flatMap(locked -> capacity.lockLimitedLocations(ids, List.of()).thenReturn(locked));
    }

    /**
     * The holder's reservation grows by {@code quantity}: the batch's reserved bucket and the holder's row change
     * together, under the batch lock, so reservedQty is always the sum of the rows.
     */
    Mono<Batch> reserve(long batchId, BigDecimal quantity, StockReference holder, String reason) {
        return tx.inRetryingTransaction(() -> apply(batchId, StockOperation.reserve(quantity), holder, reason, null,
                        locked -> Mono.empty())
                .flatMap(batch -> changeHeld(batchId, holder, quantity).thenReturn(batch)));
    }

    /** Gives back what the holder holds; more than it holds is 409 RESERVATION_NOT_HELD, whatever others hold. */
    Mono<Batch> releaseReservation(long batchId, BigDecimal quantity, StockReference holder, String reason) {
        return tx.inRetryingTransaction(() -> apply(batchId, StockOperation.releaseReservation(quantity), holder,
                        reason, null, locked -> requireHeld(locked, holder, quantity))
                .flatMap(batch -> changeHeld(batchId, holder, quantity.negate()).thenReturn(batch)));
    }

    /**
     * The holder's reserved goods leave as a sale (on-hand and reserved drop, SALE movements). {@code guard} runs
     * under the lock before anything is written (the caller's own refusals). A sale that empties on-hand moves the
     * batch to SOLD_OUT ({@link BatchLifecycle#soldOutBySale}).
     */
    Mono<Batch> consumeReservation(long batchId, BigDecimal quantity, StockReference holder,
            Function<Batch, Mono<Void>> guard) {
        return tx.inRetryingTransaction(() -> apply(batchId, StockOperation.consumeReservation(quantity), holder,
                        null, null, locked -> requireHeld(locked, holder, quantity).then(guard.apply(locked)))
                .flatMap(batch -> changeHeld(batchId, holder, quantity.negate()).then(soldOutIfEmpty(batch))));
    }

    private Mono<Void> requireHeld(Batch batch, StockReference holder, BigDecimal quantity) {
        return reservations.lockHeld(batch.id(), holder).flatMap(held -> held.compareTo(quantity) >= 0
                ? Mono.<Void>empty()
                : Mono.error(new ApiException(ErrorCode.RESERVATION_NOT_HELD, holder.referenceType() + " "
                        + holder.referenceId() + " holds " + Quantities.format(held) + " of batch " + batch.id()
                        + ", " + Quantities.format(quantity) + " requested; a holder can only release or consume "
                        + "what it reserved itself")));
    }

    private Mono<Void> changeHeld(long batchId, StockReference holder, BigDecimal delta) {
        return RequestContext.actingUser().flatMap(actor -> reservations.change(batchId, holder, delta,
                actor.userId()));
    }

    private Mono<Batch> soldOutIfEmpty(Batch batch) {
        if (!BatchLifecycle.soldOutBySale(batch.status(), batch.quantities())) {
            return Mono.just(batch);
        }
        return batches.updateStatus(batch.id(), BatchStatus.SOLD_OUT)
                .then(batches.findById(batch.id()))
                .flatMap(after -> audit.record(RESOURCE, batch.id(), "STATUS_CHANGED", BatchView.of(batch),
                        BatchView.of(after), "Sold out: the last units on hand were sold").thenReturn(after));
    }

    private Quantities check(Batch batch, StockOperation operation) {
        if (batch.status().isTerminal()) {
            throw new ConflictException("Batch " + batch.id() + " is " + batch.status() + "; its stock cannot change");
        }
        if (operation.sale() == StockOperation.Sale.RESERVING && !batch.status().isSellable()) {
            throw new ApiException(ErrorCode.BATCH_NOT_SELLABLE, "Batch " + batch.id() + " is " + batch.status()
                    + "; only LIVE or PHOTOGRAPHY_COMPLETE stock can be reserved");
        }
        if (operation.sale() == StockOperation.Sale.SHIPPING && !batch.status().canShipReservations()) {
            throw new ApiException(ErrorCode.BATCH_NOT_SELLABLE, "Batch " + batch.id() + " is " + batch.status()
                    + "; its reservations stay, but nothing ships until it is LIVE again");
        }
        if (operation.sale() != StockOperation.Sale.NOT_A_SALE && isExpired(batch)) {
            throw new ApiException(ErrorCode.BATCH_EXPIRED, "Batch " + batch.id() + " expired on "
                    + batch.expirationDate() + "; expired stock cannot be "
                    + (operation.sale() == StockOperation.Sale.RESERVING ? "reserved" : "sold"));
        }
        try {
            return operation.change().apply(batch.quantities());
        } catch (InsufficientInventory refused) {
            throw new InsufficientInventoryException("Batch " + batch.id() + " " + refused.getMessage());
        } catch (InvalidQuantity invalid) {
            throw ValidationException.of("quantity", invalid.getMessage());
        }
    }

    /**
     * What reserving {@code quantity} of the batch as read would answer, without reserving: empty when it would
     * succeed. The same checks as {@link #apply}, so an availability answer never contradicts a reservation.
     */
    Optional<ApiException> reservationRefusal(Batch batch, BigDecimal quantity) {
        try {
            check(batch, StockOperation.reserve(quantity));
            return Optional.empty();
        } catch (ApiException refused) {
            return Optional.of(refused);
        }
    }

    /** A batch is sellable through its expiration date (UTC), like every other date the API stores. */
    private boolean isExpired(Batch batch) {
        return batch.expirationDate() != null
                && batch.expirationDate().isBefore(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    private Mono<Batch> write(Batch before, Quantities after, StockOperation operation, StockReference reference,
            String reason, Actor actor, Long reversesMovementId) {
        Quantities old = before.quantities();
        List<NewMovement> rows = BUCKET_ORDER.stream()
                .filter(bucket -> old.of(bucket).compareTo(after.of(bucket)) != 0)
                .map(bucket -> new NewMovement(before.id(), movementType(operation, bucket), bucket, old.of(bucket),
                        after.of(bucket), reference, reason, actor.userId(), reversesMovementId))
                .toList();
        return batches.updateQuantities(before.id(), after)
                .then(placeOnHandChange(before.id(), after.onHand().subtract(old.onHand())))
                .thenMany(Flux.fromIterable(rows).concatMap(movements::insert))
                .then(audit.record(RESOURCE, before.id(), operation.auditAction(), StockSnapshot.of(old, operation, reference),
                        StockSnapshot.of(after, operation, reference), reason))
                .then(batches.findById(before.id()));
    }

    /**
     * Keeps Σ batch_locations.qty = on-hand for a placed batch, by the rule of {@link LocationStock}: a decrease
     * takes from the fullest location first, an increase goes to the fullest location, if it has room. Runs under the
     * batch lock; the batch's capacity-limited locations are locked before its location rows (the order
     * {@link LocationCapacity} owns).
     */
    private Mono<Void> placeOnHandChange(long batchId, BigDecimal delta) {
        if (delta.signum() == 0) {
            return Mono.empty();
        }
        return capacity.lockLimitedLocations(List.of(batchId), List.of())
                .flatMapMany(limited -> locations.lockAll(batchId).flatMapMany(slots -> {
                    List<Slot> changed;
                    try {
                        changed = LocationStock.applyOnHandChange(slots, delta);
                    } catch (InsufficientInventory refused) {
                        return Flux.error(new InsufficientInventoryException("Batch " + batchId + " "
                                + refused.getMessage()));
                    }
                    Mono<Void> room = delta.signum() > 0 && !changed.isEmpty()
                            ? capacity.requireRoom(limited, changed.get(0).locationId(), delta) : Mono.empty();
                    return room.thenMany(Flux.fromIterable(changed));
                }))
                .concatMap(slot -> locations.updateQuantity(batchId, slot))
                .then();
    }

    /**
     * Moves on-hand units between two locations of a batch; on-hand and every bucket stay as they are. Locks the
     * batch row (every stock change of the batch queues there), creates the destination row if the batch has none
     * there yet, then locks the two location rows. One TRANSFER movement per side. The
     * capacity-limited locations involved are locked, and the destination's room checked, before the location rows.
     */
    Mono<List<Slot>> transfer(long batchId, long fromLocationId, long toLocationId, BigDecimal quantity,
            String reason) {
        if (fromLocationId == toLocationId) {
            return Mono.error(ValidationException.of("toLocationId", "must differ from fromLocationId"));
        }
        List<Long> both = List.of(fromLocationId, toLocationId);
        return tx.inRetryingTransaction(() -> RequestContext.actingUser().flatMap(actor -> lockExisting(batchId)
                .flatMap(batch -> locations.existingLocations(both).flatMap(known -> {
                    if (!known.contains(fromLocationId)) {
                        return Mono.error(ValidationException.of("fromLocationId", "is not a known location"));
                    }
                    if (!known.contains(toLocationId)) {
                        return Mono.error(ValidationException.of("toLocationId", "is not a known location"));
                    }
                    if (batch.status().isTerminal()) {
                        return Mono.error(new ConflictException("Batch " + batchId + " is " + batch.status()
                                + "; its stock cannot move"));
                    }
                    return capacity.lockLimitedLocations(List.of(batchId), both)
                            // The destination row exists before the capacity sum runs (LocationCapacity).
                            .flatMap(limited -> locations.ensure(batchId, toLocationId)
                                    .then(capacity.requireRoom(limited, toLocationId, quantity)))
                            .then(locations.lock(batchId, both))
                            .flatMap(slots -> {
                                Slot from = slotAt(slots, fromLocationId);
                                Slot to = slotAt(slots, toLocationId);
                                LocationStock.Transfer moved;
                                try {
                                    moved = LocationStock.transfer(from, to, quantity);
                                } catch (InsufficientInventory refused) {
                                    return Mono.error(new InsufficientInventoryException("Batch " + batchId + " "
                                            + refused.getMessage()));
                                } catch (InvalidQuantity invalid) {
                                    return Mono.error(ValidationException.of("quantity", invalid.getMessage()));
                                }
                                List<NewMovement> rows = List.of(
                                        transferMovement(batchId, from, moved.from(), reason, actor),
                                        transferMovement(batchId, to, moved.to(), reason, actor));
                                return locations.updateQuantity(batchId, moved.from())
                                        .then(locations.updateQuantity(batchId, moved.to()))
                                        .thenMany(Flux.fromIterable(rows).concatMap(movements::insert))
                                        .then(audit.record(RESOURCE, batchId, "TRANSFERRED",
                                                new TransferSnapshot(from, to), new TransferSnapshot(moved.from(),
                                                        moved.to()), reason))
                                        .thenReturn(bySide(moved));
                            });
                }))));
    }

    /** The two locations a transfer touched, ascending location id (a batch's full list is paged). */
    private static List<Slot> bySide(LocationStock.Transfer moved) {
        return moved.from().locationId() < moved.to().locationId() ? List.of(moved.from(), moved.to())
                : List.of(moved.to(), moved.from());
    }

    private static Slot slotAt(List<Slot> slots, long locationId) {
        // A source the batch was never placed at holds nothing; the transfer check then refuses it.
        return slots.stream().filter(slot -> slot.locationId() == locationId).findFirst()
                .orElse(new Slot(locationId, BigDecimal.ZERO));
    }

    private static NewMovement transferMovement(long batchId, Slot before, Slot after, String reason, Actor actor) {
        return new NewMovement(batchId, MovementType.TRANSFER, Bucket.ON_HAND, before.quantity(), after.quantity(),
                StockReference.NONE, reason, actor.userId(), null, before.locationId());
    }

    /** What an audit row of a transfer records: both sides' quantities. */
    record TransferSnapshot(long fromLocationId, String fromQty, long toLocationId, String toQty) {

        TransferSnapshot(Slot from, Slot to) {
            this(from.locationId(), Quantities.format(from.quantity()), to.locationId(),
                    Quantities.format(to.quantity()));
        }
    }

    private static MovementType movementType(StockOperation operation, Bucket bucket) {
        MovementType type = operation.movementTypes().get(bucket);
        if (type == null) {
            throw new IllegalStateException(operation.auditAction() + " changed " + bucket + " unexpectedly");
        }
        return type;
    }

    /**
     * The quantities an audit row records before and after a stock change, and for a reservation change whose
     * reservation it was (the holder, e.g. "MANUAL 7").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record StockSnapshot(String onHandQty, String reservedQty, String quarantineQty, String holdQty,
            String sampleQty, String availableQty, String holder) {

        static StockSnapshot of(Quantities quantities, StockOperation operation, StockReference reference) {
            String holder = operation.movementTypes().containsKey(Bucket.RESERVED) && reference.referenceId() != null
                    ? reference.referenceType() + " " + reference.referenceId() : null;
            return new StockSnapshot(Quantities.format(quantities.onHand()), Quantities.format(quantities.reserved()),
                    Quantities.format(quantities.quarantine()), Quantities.format(quantities.hold()),
                    Quantities.format(quantities.sample()), Quantities.format(quantities.available()), holder);
        }
    }
}
