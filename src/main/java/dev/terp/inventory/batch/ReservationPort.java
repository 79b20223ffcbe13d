package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.inventory.batch.BatchSaleRepository.NewSale;
import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.errors.Violations;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * How other modules (orders) promise and take stock. A reservation belongs to its holder (a reference type + id,
 * e.g. ORDER_LINE 42): only that holder can consume or release it (409 RESERVATION_NOT_HELD otherwise), so one order
 * can never take another's stock. Each call takes several batches at once and locks them in ascending id order, so
 * two orders over overlapping batches queue instead of deadlocking; it joins the caller's transaction when there is
 * one (an order and its reservations commit or roll back together), alone it runs in its own retrying transaction.
 * The acting user is the request's, never a parameter.
 */
@Service
public class ReservationPort {

    /** One batch and a quantity of it. */
    public record Line(long batchId, BigDecimal quantity) {
    }

    /** One batch, a quantity of it, and the price each unit leaves at. */
    public record SaleLine(long batchId, BigDecimal quantity, BigDecimal unitPrice) {
    }

    /** The holder type of reservations made by hand over HTTP. */
    public static final String MANUAL = "MANUAL";
    /** The holder of stock reserved before reservations had holders (one per batch, id = the batch's). */
    public static final String LEGACY = "LEGACY";

    private final StockKeeper stock;
    private final ReservationRepository reservations;
    private final BatchSaleRepository sales;
    private final TransactionRunner tx;
    private final BusinessTelemetry.Operation reservation;
    private final BusinessTelemetry.Operation consumption;
    private final BusinessTelemetry.Amount unitsReserved;
    private final BusinessTelemetry.Amount unitsConsumed;

    ReservationPort(StockKeeper stock, ReservationRepository reservations, BatchSaleRepository sales,
            TransactionRunner tx, BusinessTelemetry telemetry) {
        this.reservation = telemetry.operation("inventory.reservation");
        this.consumption = telemetry.operation("inventory.consumption");
        this.unitsReserved = telemetry.amount("inventory.units", "movement", "reserved");
        this.unitsConsumed = telemetry.amount("inventory.units", "movement", "consumed");
        this.stock = stock;
        this.reservations = reservations;
        this.sales = sales;
        this.tx = tx;
    }

    /** Fails with 409 INSUFFICIENT_INVENTORY when a batch has less available than asked; then nothing is reserved. */
    public Mono<List<Batch>> reserve(StockReference holder, List<Line> lines) {
        // Counted once the whole reservation succeeded, not per line of a transaction that may still roll back.
        return reservation.observe(inIdOrder(holder, lines, Line::batchId, false, line -> stock.reserve(line.batchId(),
                        Decimals.positiveQuantity(field(lines, line, "quantity"), line.quantity()), holder, null)))
                .doOnNext(batches -> lines.forEach(line -> unitsReserved.add(line.quantity())));
    }

    public Mono<Batch> reserve(long batchId, BigDecimal quantity, StockReference holder) {
        return reserve(holder, List.of(new Line(batchId, quantity))).map(batches -> batches.get(0));
    }

    /** A reservation by hand (a MANUAL holder), audited with the operator's reason. */
    public Mono<Batch> reserveByHand(long batchId, BigDecimal quantity, StockReference holder, String reason) {
        return reservation.observe(stock.reserve(batchId, quantity, requireHolder(holder), reason))
                .doOnNext(batch -> unitsReserved.add(quantity));
    }

    public Mono<Batch> releaseByHand(long batchId, BigDecimal quantity, StockReference holder, String reason) {
        return stock.releaseReservation(batchId, quantity, requireHolder(holder), reason);
    }

    /** Gives back part or all of what the holder holds of each batch. */
    public Mono<List<Batch>> release(StockReference holder, List<Line> lines) {
        return inIdOrder(holder, lines, Line::batchId, false, line -> stock.releaseReservation(line.batchId(),
                Decimals.positiveQuantity(field(lines, line, "quantity"), line.quantity()), holder, null));
    }

    public Mono<Batch> release(long batchId, BigDecimal quantity, StockReference holder) {
        return release(holder, List.of(new Line(batchId, quantity))).map(batches -> batches.get(0));
    }

    /** Releases everything the holder holds, whatever the batches (an order cancelled). */
    public Mono<List<Batch>> releaseAll(StockReference holder) {
        StockReference checked = requireHolder(holder);
        return tx.inRetryingTransaction(() -> reservations.heldBy(checked)
                .map(held -> new Line(held.batchId(), held.quantity()))
                .collectList()
                .flatMap(lines -> lines.isEmpty() ? Mono.just(List.<Batch>of()) : release(checked, lines)));
    }

    /** What the holder holds, batch by batch (ascending batch id). */
    public Flux<Reservation> heldBy(StockReference holder) {
        return reservations.heldBy(requireHolder(holder));
    }

    /**
     * The holder's reserved goods leave at {@code unitPrice} each: on-hand and reserved both drop, recorded as
     * SALE, and a {@code batch_sales} row keeps the price with the batch's unit cost basis of that moment (what
     * profitability reports on). A price below 0 or with more than 2 decimals, or a quantity with more than 4, is a
     * 400 VALIDATION_FAILED; a batch whose COGS settings are incomplete is a 409 CONFLICT, since a sale without a
     * known cost would overstate profit for good; a batch on hold or in quarantine 409 BATCH_NOT_SELLABLE, an expired
     * one 409 BATCH_EXPIRED.
     */
    public Mono<List<Batch>> consume(StockReference holder, List<SaleLine> lines) {
        List<SaleLine> checked = checkedSaleLines(lines);
        // The guard refuses an unknown cost under the lock, before anything is written, so a caller that recovers
        // from the refusal inside its own transaction keeps no SALE movement without its price. The batch stays
        // locked until commit, so the cost read after the write is the guarded one.
        return consumption.observe(inIdOrder(holder, checked, SaleLine::batchId, true, line -> stock.consumeReservation(
                        line.batchId(), line.quantity(), holder, locked -> Mono.fromRunnable(() -> unitCost(locked)))
                .flatMap(batch -> RequestContext.actingUser().flatMap(actor -> sales.insert(new NewSale(
                                line.batchId(), line.quantity(), line.unitPrice(), unitCost(batch), holder,
                                actor.userId())))
                        .thenReturn(batch))))
                .doOnNext(batches -> checked.forEach(line -> unitsConsumed.add(line.quantity())));
    }

    public Mono<Batch> consume(long batchId, BigDecimal quantity, BigDecimal unitPrice, StockReference holder) {
        return consume(holder, List.of(new SaleLine(batchId, quantity, unitPrice))).map(batches -> batches.get(0));
    }

    /**
     * Runs {@code change} per line inside one transaction, after locking every batch in ascending id order; answers
     * the batches in the order of the lines. A batch named twice is a 400 (the caller merges its lines).
     */
    private <L> Mono<List<Batch>> inIdOrder(StockReference holder, List<L> lines, Function<L, Long> batchOf,
            boolean changesOnHand, Function<L, Mono<Batch>> change) {
        requireHolder(holder);
        requireDistinctBatches(lines, batchOf);
        List<L> ordered = lines.stream().sorted(Comparator.comparing(batchOf)).toList();
        // Each change locks its batch, so running them in ascending id already locks in id order. Only a change of
        // on-hand over several batches must take every capacity-limited location up front (LocationCapacity's order:
        // all batch rows, then locations), before the first location row is touched.
        Mono<?> upFront = changesOnHand && ordered.size() > 1
                ? stock.lockInIdOrder(ordered.stream().map(batchOf).toList()) : Mono.empty();
        return tx.inRetryingTransaction(() -> upFront
                .thenMany(Flux.fromIterable(ordered).concatMap(change))
                .collectMap(Batch::id)
                .map(byId -> lines.stream().map(line -> byId.get(batchOf.apply(line))).toList()));
    }

    private static <L> void requireDistinctBatches(List<L> lines, Function<L, Long> batchOf) {
        if (lines == null || lines.isEmpty()) {
            throw ValidationException.of("lines", "must name at least one batch");
        }
        Map<Long, Integer> seen = new LinkedHashMap<>();
        List<FieldViolation> violations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Long batchId = batchOf.apply(lines.get(i));
            Integer first = seen.putIfAbsent(batchId, i);
            if (first != null) {
                violations.add(new FieldViolation("lines[" + i + "].batchId", "repeats batch " + batchId
                        + " of lines[" + first + "]; merge the quantities"));
            }
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** A holder names who holds the reservation: both its type and its id are required. */
    static StockReference requireHolder(StockReference holder) {
        if (holder == null || holder.referenceType() == null || holder.referenceType().isBlank()
                || holder.referenceId() == null) {
            throw ValidationException.of("holder", "a reservation needs a holder: a reference type and id, e.g. "
                    + "ORDER_LINE 42");
        }
        return holder;
    }

    private static <L> String field(List<L> lines, L line, String name) {
        return lines.size() == 1 ? name : "lines[" + lines.indexOf(line) + "]." + name;
    }

    /** Every bad field of every line is reported at once. */
    private static List<SaleLine> checkedSaleLines(List<SaleLine> lines) {
        if (lines == null) {
            return List.of();
        }
        Violations violations = new Violations();
        List<SaleLine> checked = new ArrayList<>();
        for (SaleLine line : lines) {
            String prefix = lines.size() == 1 ? "" : "lines[" + checked.size() + "].";
            BigDecimal quantity = violations.collect(() -> Decimals.positiveQuantity(prefix + "quantity",
                    line.quantity()));
            BigDecimal price = violations.collect(() -> Decimals.nonNegativeMoney(prefix + "unitPrice",
                    line.unitPrice()));
            checked.add(new SaleLine(line.batchId(), quantity, price));
        }
        violations.throwIfAny();
        return checked;
    }

    private static BigDecimal unitCost(Batch batch) {
        try {
            return CogsCalculator.unitCostBasis(new CogsCalculator.Basis(
                    CogsCalculator.Mode.valueOf(batch.cogsMode()), batch.unitCogs(), batch.unitCogsMin(),
                    batch.unitCogsMax()));
        } catch (IllegalArgumentException incomplete) {
            throw new ConflictException("Batch " + batch.id() + " has incomplete COGS settings ("
                    + incomplete.getMessage() + "); it cannot be sold until they are set");
        }
    }
}
