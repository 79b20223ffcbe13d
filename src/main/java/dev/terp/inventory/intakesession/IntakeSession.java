package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import dev.terp.inventory.domain.IntakeSessionStatus;
import dev.terp.inventory.domain.IntakeSessionTotals;

/** One delivery from a vendor, received as several existing batches (domain §4.1 B). */
public record IntakeSession(
        long id,
        String sessionNumber,
        long vendorId,
        IntakeSessionStatus status,
        LocalDate receiveDate,
        long receivedBy,
        String paymentTerms,
        LocalDate paymentDueDate,
        BigDecimal totalAmount,
        BigDecimal amountPaid,
        String internalNotes,
        String vendorNotes,
        boolean receiptGenerated,
        Instant receiptGeneratedAt,
        Instant completedAt,
        Instant cancelledAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public BigDecimal balance() {
        return IntakeSessionTotals.balance(totalAmount, amountPaid);
    }
}
