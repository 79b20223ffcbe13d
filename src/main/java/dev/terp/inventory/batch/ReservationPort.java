package dev.terp.inventory.batch;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.inventory.batch.BatchSaleRepository.NewSale;
import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.Violations;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.platform.web.Decimals;

import org.springframework.stereotype.Service;

/**
 * How other modules (orders) promise and take stock. Each call joins the caller's transaction when there is one, so
 * an order and its reservations commit or roll back together; alone, it runs in its own retrying transaction.
 * The acting user is the request's, never a parameter.
 */
@Service
public class ReservationPort {

    private final StockKeeper stock;
    private final BatchSaleRepository sales;
    private final TransactionRunner tx;
    private final BusinessTelemetry.Operation reservation;
    private final BusinessTelemetry.Operation consumption;
    private final BusinessTelemetry.Amount unitsReserved;
    private final BusinessTelemetry.Amount unitsConsumed;

    ReservationPort(StockKeeper stock, BatchSaleRepository sales, TransactionRunner tx, BusinessTelemetry telemetry) {
        this.reservation = telemetry.operation("inventory.reservation");
        this.consumption = telemetry.operation("inventory.consumption");
        this.unitsReserved = telemetry.amount("inventory.units", "movement", "reserved");
        this.unitsConsumed = telemetry.amount("inventory.units", "movement", "consumed");
        this.stock = stock;
        this.sales = sales;
        this.tx = tx;
    }

    /** Fails with 409 INSUFFICIENT_INVENTORY when the batch has less available than asked. */
    public Mono<Batch> reserve(long batchId, BigDecimal quantity, StockReference reference) {
        return reservation.observe(stock.apply(batchId, StockOperation.reserve(quantity), reference, null))
                .doOnNext(batch -> unitsReserved.add(quantity));
    }

    public Mono<Batch> release(long batchId, BigDecimal quantity, StockReference reference) {
        return stock.apply(batchId, StockOperation.releaseReservation(quantity), reference, null);
    }

    /**
     * The reserved goods leave at {@code unitPrice} each: on-hand and reserved both drop, recorded as SALE, and a
     * {@code batch_sales} row keeps the price with the batch's unit cost basis of that moment (what profitability
     * reports on). Both writes are one transaction. A price below 0 or with more than 2 decimals, or a quantity with
     * more than 4, is a 400 VALIDATION_FAILED; a batch whose COGS settings are incomplete is a 409 CONFLICT, since
     * a sale without a known cost would overstate profit for good.
     */
    public Mono<Batch> consume(long batchId, BigDecimal quantity, BigDecimal unitPrice, StockReference reference) {
        return consumption.observe(consumeInTransaction(batchId, quantity, unitPrice, reference))
                .doOnNext(batch -> unitsConsumed.add(quantity));
    }

    private Mono<Batch> consumeInTransaction(long batchId, BigDecimal quantity, BigDecimal unitPrice,
            StockReference reference) {
        return Mono.fromCallable(() -> SaleLine.checked(quantity, unitPrice))
                // The guard refuses an unknown cost under the lock, before anything is written, so a caller that
                // recovers from the refusal inside its own transaction keeps no SALE movement without its price.
                // The batch stays locked until commit, so the cost read after the write is the guarded one.
                .flatMap(line -> tx.inRetryingTransaction(() -> stock.apply(batchId,
                                StockOperation.consumeReservation(line.quantity()), reference, null, null,
                                locked -> Mono.fromRunnable(() -> unitCost(locked)))
                        .flatMap(batch -> RequestContext.actingUser().flatMap(actor -> sales.insert(new NewSale(
                                        batchId, line.quantity(), line.unitPrice(), unitCost(batch), reference,
                                        actor.userId())))
                                .thenReturn(batch))));
    }

    /** A consumed quantity and its price, checked at the door so every bad field is reported at once. */
    private record SaleLine(BigDecimal quantity, BigDecimal unitPrice) {

        static SaleLine checked(BigDecimal quantity, BigDecimal unitPrice) {
            Violations violations = new Violations();
            BigDecimal checkedQuantity = violations.collect(() -> Decimals.positiveQuantity("quantity", quantity));
            BigDecimal checkedPrice = violations.collect(() -> Decimals.nonNegativeMoney("unitPrice", unitPrice));
            violations.throwIfAny();
            return new SaleLine(checkedQuantity, checkedPrice);
        }
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
