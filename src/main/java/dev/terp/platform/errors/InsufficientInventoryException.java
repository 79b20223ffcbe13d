package dev.terp.platform.errors;

/** A stock operation asked for more than the batch can give, e.g. "Batch 12 has 3.0000 available, 5.0000 requested". */
public class InsufficientInventoryException extends ApiException {

    public InsufficientInventoryException(String detail) {
        super(ErrorCode.INSUFFICIENT_INVENTORY, detail);
    }
}
