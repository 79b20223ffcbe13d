package dev.terp.inventory.intakesession.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.intakesession.IntakeSessionService;
import dev.terp.inventory.intakesession.IntakeReceipt;
import dev.terp.inventory.intakesession.IntakeSession;
import dev.terp.inventory.intakesession.ReceiptLine;
import dev.terp.platform.web.Decimals;

/** The receipt of a completed session; {@code generatedAt} is when it was first generated and never changes. */
@Schema(name = "IntakeReceipt")
public record IntakeReceiptView(
        long sessionId,
        @Schema(example = "INTAKE-000001") String sessionNumber,
        ReceiptVendor vendor,
        LocalDate receiveDate,
        String paymentTerms,
        LocalDate paymentDueDate,
        @ArraySchema(maxItems = IntakeSessionService.MAX_LINES) List<ReceiptLineView> lines,
        @Schema(example = "1250.00") String totalAmount,
        String amountPaid,
        @Schema(description = "totalAmount - amountPaid") String balance,
        Instant generatedAt) {

    @Schema(name = "IntakeReceiptVendor")
    public record ReceiptVendor(long id, String name) {
    }

    @Schema(name = "IntakeReceiptLine")
    public record ReceiptLineView(long batchId, String batchCode, String sku, String productName,
            @Schema(example = "10.0000") String receivedQty, @Schema(example = "12.5000") String unitCost,
            @Schema(example = "125.00") String totalCost) {

        static ReceiptLineView of(ReceiptLine line) {
            return new ReceiptLineView(line.batchId(), line.batchCode(), line.sku(), line.productName(),
                    Decimals.formatQuantity(line.receivedQty()), Decimals.formatUnitCost(line.unitCost()),
                    Decimals.formatMoney(line.totalCost()));
        }
    }

    public static IntakeReceiptView of(IntakeReceipt receipt) {
        IntakeSession s = receipt.session();
        return new IntakeReceiptView(s.id(), s.sessionNumber(), new ReceiptVendor(s.vendorId(), receipt.vendorName()),
                s.receiveDate(), s.paymentTerms(), s.paymentDueDate(),
                receipt.lines().stream().map(ReceiptLineView::of).toList(), Decimals.formatMoney(s.totalAmount()),
                Decimals.formatMoney(s.amountPaid()), Decimals.formatMoney(s.balance()), s.receiptGeneratedAt());
    }
}
