package dev.terp.inventory.intakesession.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.intakesession.IntakeSessionService;
import dev.terp.inventory.intakesession.IntakeSession;
import dev.terp.inventory.intakesession.IntakeSessionDetails;
import dev.terp.platform.web.Decimals;

/** One session with its lines; money and quantities as strings. */
@Schema(name = "IntakeSession")
public record IntakeSessionView(
        long id,
        @Schema(example = "INTAKE-000001") String sessionNumber,
        long vendorId,
        @Schema(allowableValues = {"IN_PROGRESS", "COMPLETED", "CANCELLED"}) String status,
        LocalDate receiveDate,
        @Schema(description = "The user who created the session") long receivedBy,
        String paymentTerms,
        LocalDate paymentDueDate,
        @Schema(example = "1250.00", description = "Sum of the lines' totalCost") String totalAmount,
        String amountPaid,
        @Schema(description = "totalAmount - amountPaid") String balance,
        String internalNotes,
        String vendorNotes,
        boolean receiptGenerated,
        Instant receiptGeneratedAt,
        Instant completedAt,
        Instant cancelledAt,
        @ArraySchema(maxItems = IntakeSessionService.MAX_LINES) List<IntakeSessionLineView> lines,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static IntakeSessionView of(IntakeSessionDetails details) {
        IntakeSession s = details.session();
        return new IntakeSessionView(s.id(), s.sessionNumber(), s.vendorId(), s.status().name(), s.receiveDate(),
                s.receivedBy(), s.paymentTerms(), s.paymentDueDate(), Decimals.formatMoney(s.totalAmount()),
                Decimals.formatMoney(s.amountPaid()), Decimals.formatMoney(s.balance()), s.internalNotes(),
                s.vendorNotes(), s.receiptGenerated(), s.receiptGeneratedAt(), s.completedAt(), s.cancelledAt(),
                details.lines().stream().map(IntakeSessionLineView::of).toList(), s.version(), s.createdAt(),
                s.updatedAt());
    }
}
