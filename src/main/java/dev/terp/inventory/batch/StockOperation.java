package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.UnaryOperator;

import dev.terp.inventory.domain.Bucket;
import dev.terp.inventory.domain.MovementType;
import dev.terp.inventory.domain.Quantities;

/**
 * One kind of stock change: what it does to the quantities, which movement type each changed bucket is recorded
 * under, and the audit action.
 */
record StockOperation(String auditAction, UnaryOperator<Quantities> change, Map<Bucket, MovementType> movementTypes,
        Sale sale) {

    /** Which batches the operation may touch: any open batch, one on sale, or one whose reserved goods may ship. */
    enum Sale {
        NOT_A_SALE, RESERVING, SHIPPING
    }

    static StockOperation reserve(BigDecimal quantity) {
        return new StockOperation("RESERVED", q -> q.reserve(quantity),
                Map.of(Bucket.RESERVED, MovementType.RESERVATION), Sale.RESERVING);
    }

    static StockOperation releaseReservation(BigDecimal quantity) {
        return new StockOperation("RESERVATION_RELEASED", q -> q.releaseReservation(quantity),
                Map.of(Bucket.RESERVED, MovementType.RELEASE_OF_RESERVATION), Sale.NOT_A_SALE);
    }

    /** Both buckets are recorded as SALE so each bucket's before/after chain stays complete. */
    static StockOperation consumeReservation(BigDecimal quantity) {
        return new StockOperation("SOLD", q -> q.consumeReservation(quantity),
                Map.of(Bucket.ON_HAND, MovementType.SALE, Bucket.RESERVED, MovementType.SALE), Sale.SHIPPING);
    }

    /** Received goods: ON_HAND grows, recorded as INTAKE. Allowed before the batch is on sale. */
    static StockOperation receive(BigDecimal quantity) {
        return new StockOperation("RECEIVED", q -> q.receive(quantity),
                Map.of(Bucket.ON_HAND, MovementType.INTAKE), Sale.NOT_A_SALE);
    }

    static StockOperation adjustTo(BigDecimal onHand) {
        return new StockOperation("ADJUSTED", q -> q.adjustOnHandTo(onHand),
                Map.of(Bucket.ON_HAND, MovementType.ADJUSTMENT), Sale.NOT_A_SALE);
    }

    static StockOperation adjustBy(BigDecimal delta) {
        return new StockOperation("ADJUSTED", q -> q.adjustOnHandBy(delta),
                Map.of(Bucket.ON_HAND, MovementType.ADJUSTMENT), Sale.NOT_A_SALE);
    }

    static StockOperation quarantine(BigDecimal quantity) {
        return new StockOperation("QUARANTINED", q -> q.quarantine(quantity),
                Map.of(Bucket.QUARANTINE, MovementType.QUARANTINE), Sale.NOT_A_SALE);
    }

    static StockOperation releaseQuarantine(BigDecimal quantity) {
        return new StockOperation("RELEASED_FROM_QUARANTINE", q -> q.releaseQuarantine(quantity),
                Map.of(Bucket.QUARANTINE, MovementType.RELEASE_FROM_QUARANTINE), Sale.NOT_A_SALE);
    }

    static StockOperation hold(BigDecimal quantity) {
        return new StockOperation("HELD", q -> q.hold(quantity),
                Map.of(Bucket.HOLD, MovementType.HOLD), Sale.NOT_A_SALE);
    }

    static StockOperation releaseHold(BigDecimal quantity) {
        return new StockOperation("RELEASED_FROM_HOLD", q -> q.releaseHold(quantity),
                Map.of(Bucket.HOLD, MovementType.RELEASE_FROM_HOLD), Sale.NOT_A_SALE);
    }

    static StockOperation dispose(BigDecimal quantity) {
        return new StockOperation("DISPOSED", q -> q.dispose(quantity),
                Map.of(Bucket.ON_HAND, MovementType.DISPOSAL), Sale.NOT_A_SALE);
    }

    /** Both sides are recorded as SAMPLE: ON_HAND −q and SAMPLE +q. */
    static StockOperation moveToSamples(BigDecimal quantity) {
        return new StockOperation("MOVED_TO_SAMPLES", q -> q.moveToSamples(quantity),
                Map.of(Bucket.ON_HAND, MovementType.SAMPLE, Bucket.SAMPLE, MovementType.SAMPLE), Sale.NOT_A_SALE);
    }

    static StockOperation returnFromSamples(BigDecimal quantity) {
        return new StockOperation("RETURNED_FROM_SAMPLES", q -> q.returnFromSamples(quantity),
                Map.of(Bucket.ON_HAND, MovementType.SAMPLE, Bucket.SAMPLE, MovementType.SAMPLE), Sale.NOT_A_SALE);
    }

    static StockOperation reverse(Bucket bucket, BigDecimal originalChange) {
        return new StockOperation("MOVEMENT_REVERSED", q -> q.change(bucket, originalChange.negate()),
                Map.of(bucket, MovementType.ADJUSTMENT), Sale.NOT_A_SALE);
    }
}
