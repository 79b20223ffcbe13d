package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.terp.inventory.domain.PaymentTerms;
import dev.terp.inventory.intakesession.api.IntakeSessionLineRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineUpdate;
import dev.terp.inventory.intakesession.api.IntakeSessionRequest;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.web.Decimals;

/**
 * The session and line rules that need no database. Decimals refuses a value with too many decimals instead of
 * rounding it (api-conventions §1); here each refusal becomes one more collected violation.
 */
final class IntakeSessionValidation {

    /** The same values as batches.payment_terms (ck_batches_payment_terms, ck_intake_sessions_payment_terms). */

    private final List<FieldViolation> violations = new ArrayList<>();

    private IntakeSessionValidation() {
    }

    /** Payment terms and the due date; the vendor is checked by the service, in the same answer. */
    static List<FieldViolation> session(IntakeSessionRequest request) {
        IntakeSessionValidation check = new IntakeSessionValidation();
        if (!PaymentTerms.NAMES.contains(request.paymentTerms().trim())) {
            check.violations.add(new FieldViolation("paymentTerms", "must be one of "
                    + PaymentTerms.NAMES.stream().sorted().toList()));
        }
        if (request.paymentDueDate() != null && request.paymentDueDate().isBefore(request.receiveDate())) {
            check.violations.add(new FieldViolation("paymentDueDate", "must not be before receiveDate"));
        }
        return List.copyOf(check.violations);
    }

    /** A new line: batch, quantity, cost and notes, every violation at once. */
    static LineCommand newLine(IntakeSessionLineRequest r) {
        IntakeSessionValidation check = new IntakeSessionValidation();
        if (r.batchId() == null) {
            check.violations.add(new FieldViolation("batchId", "is required"));
        } else if (r.batchId() <= 0) {
            check.violations.add(new FieldViolation("batchId", "must be a positive id"));
        }
        return check.line(r.batchId(), r.receivedQty(), r.unitCost(), r.internalNotes(), r.vendorNotes(),
                r.cogsAgreement());
    }

    /** A changed line: it stays on its batch. */
    static LineCommand changedLine(IntakeSessionLineUpdate r) {
        return new IntakeSessionValidation().line(null, r.receivedQty(), r.unitCost(), r.internalNotes(),
                r.vendorNotes(), r.cogsAgreement());
    }

    private LineCommand line(Long batchId, BigDecimal receivedQty, BigDecimal unitCost, String internalNotes,
            String vendorNotes, String cogsAgreement) {
        BigDecimal quantity = decimal(() -> Decimals.positiveQuantity("receivedQty", receivedQty));
        BigDecimal cost = decimal(() -> Decimals.money("unitCost", unitCost));
        if (cost != null && cost.signum() < 0) {
            violations.add(new FieldViolation("unitCost", "must not be negative"));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new LineCommand(batchId, quantity, cost, blankToNull(internalNotes), blankToNull(vendorNotes),
                blankToNull(cogsAgreement));
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private BigDecimal decimal(Supplier<BigDecimal> check) {
        try {
            return check.get();
        } catch (ValidationException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }
}
