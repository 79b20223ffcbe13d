package dev.terp.inventory.batch;

/** What caused a stock change (an order, a return, a movement being reversed), recorded on its movement rows. */
public record StockReference(String referenceType, Long referenceId) {

    public static final StockReference NONE = new StockReference(null, null);

    public static StockReference of(String referenceType, Long referenceId) {
        return new StockReference(referenceType, referenceId);
    }
}
