package dev.terp.inventory.intakesession;

import java.util.List;

/** What a receipt prints: the completed session, its vendor's name and its lines. */
public record IntakeReceipt(IntakeSession session, String vendorName, List<ReceiptLine> lines) {
}
