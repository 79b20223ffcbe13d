package dev.terp.inventory.intakesession.api;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.inventory.intakesession.IntakeSession;
import dev.terp.platform.web.Decimals;

/** A session as lists show it (no lines); also what the session's audit rows record. */
@Schema(name = "IntakeSessionSummary")
public record IntakeSessionSummary(
        long id,
        @Schema(example = "INTAKE-000001") String sessionNumber,
        long vendorId,
        @Schema(allowableValues = {"IN_PROGRESS", "COMPLETED", "CANCELLED"}) String status,
        LocalDate receiveDate,
        long receivedBy,
        String paymentTerms,
        LocalDate paymentDueDate,
        @Schema(example = "1250.00") String totalAmount,
        String amountPaid,
        @Schema(description = "totalAmount - amountPaid") String balance,
        boolean receiptGenerated,
        Instant completedAt,
        Instant cancelledAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static IntakeSessionSummary of(IntakeSession s) {
        return new IntakeSessionSummary(s.id(), s.sessionNumber(), s.vendorId(), s.status().name(), s.receiveDate(),
                s.receivedBy(), s.paymentTerms(), s.paymentDueDate(), Decimals.formatMoney(s.totalAmount()),
                Decimals.formatMoney(s.amountPaid()), Decimals.formatMoney(s.balance()), s.receiptGenerated(),
                s.completedAt(), s.cancelledAt(), s.version(), s.createdAt(), s.updatedAt());
    }
}
