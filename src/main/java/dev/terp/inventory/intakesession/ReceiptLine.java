package dev.terp.inventory.intakesession;

import java.math.BigDecimal;

/** A receipt line: the batch as the vendor knows it (code, SKU, product) and what was received at what cost. */
public record ReceiptLine(long batchId, String batchCode, String sku, String productName, BigDecimal receivedQty,
        BigDecimal unitCost, BigDecimal totalCost) {
}
