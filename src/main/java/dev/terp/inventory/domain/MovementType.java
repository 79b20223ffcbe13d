package dev.terp.inventory.domain;

/** Why a bucket changed; the vocabulary of TERP's inventoryMovementType. */
public enum MovementType {
    INTAKE,
    SALE,
    RETURN,
    REFUND_RETURN,
    ADJUSTMENT,
    QUARANTINE,
    RELEASE_FROM_QUARANTINE,
    HOLD,
    RELEASE_FROM_HOLD,
    DISPOSAL,
    TRANSFER,
    SAMPLE,
    RESERVATION,
    RELEASE_OF_RESERVATION
}
