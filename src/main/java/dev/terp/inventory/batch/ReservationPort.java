package dev.terp.inventory.batch;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * How other modules (orders) promise and take stock. Each call joins the caller's transaction when there is one, so
 * an order and its reservations commit or roll back together; alone, it runs in its own retrying transaction.
 * The acting user is the request's, never a parameter.
 */
@Service
public class ReservationPort {

    private final StockKeeper stock;

    ReservationPort(StockKeeper stock) {
        this.stock = stock;
    }

    /** Fails with 409 INSUFFICIENT_INVENTORY when the batch has less available than asked. */
    public Mono<Batch> reserve(long batchId, BigDecimal quantity, StockReference reference) {
        return stock.apply(batchId, StockOperation.reserve(quantity), reference, null);
    }

    public Mono<Batch> release(long batchId, BigDecimal quantity, StockReference reference) {
        return stock.apply(batchId, StockOperation.releaseReservation(quantity), reference, null);
    }

    /** The reserved goods leave: on-hand and reserved both drop, recorded as SALE. */
    public Mono<Batch> consume(long batchId, BigDecimal quantity, StockReference reference) {
        return stock.apply(batchId, StockOperation.consumeReservation(quantity), reference, null);
    }
}
