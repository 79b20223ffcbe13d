package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.util.List;

import dev.terp.inventory.domain.PaymentTerms;
import dev.terp.inventory.intakesession.api.AnnouncedBatchRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineUpdate;
import dev.terp.inventory.intakesession.api.IntakeSessionRequest;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.Violations;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.Decimals;

/**
 * The session and line rules that need no database. Decimals refuses a value with too many decimals instead of
 * rounding it (api-conventions §1); here each refusal becomes one more collected violation.
 */
final class IntakeSessionValidation {

    private final Violations violations = new Violations();

    private IntakeSessionValidation() {
    }

    /** Payment terms and the due date; the vendor is checked by the service, in the same answer. */
    static List<FieldViolation> session(IntakeSessionRequest request) {
        IntakeSessionValidation check = new IntakeSessionValidation();
        if (!PaymentTerms.NAMES.contains(request.paymentTerms().trim())) {
            check.violations.add("paymentTerms", "must be one of " + PaymentTerms.NAMES.stream().sorted().toList());
        }
        if (request.paymentDueDate() != null && request.paymentDueDate().isBefore(request.receiveDate())) {
            check.violations.add("paymentDueDate", "must not be before receiveDate");
        }
        return check.violations.list();
    }

    /** A new line: batch, quantity, cost and notes, every violation at once. */
    static LineCommand newLine(IntakeSessionLineRequest r) {
        IntakeSessionValidation check = new IntakeSessionValidation();
        if (r.batchId() == null && r.batch() == null) {
            check.violations.add("batchId", "is required, unless the line announces a new batch in batch");
        } else if (r.batchId() != null && r.batch() != null) {
            check.violations.add("batchId", "cannot be combined with batch; name an announced batch or announce "
                    + "a new one");
        } else if (r.batchId() != null && r.batchId() <= 0) {
            check.violations.add("batchId", "must be a positive id");
        }
        return check.line(r.batchId(), r.batch(), r.receivedQty(), r.unitCost(), r.internalNotes(), r.vendorNotes(),
                r.cogsAgreement());
    }

    /** A changed line: it stays on its batch. */
    static LineCommand changedLine(IntakeSessionLineUpdate r) {
        return new IntakeSessionValidation().line(null, null, r.receivedQty(), r.unitCost(), r.internalNotes(),
                r.vendorNotes(), r.cogsAgreement());
    }

    private LineCommand line(Long batchId, AnnouncedBatchRequest batch, BigDecimal receivedQty, BigDecimal unitCost, String internalNotes,
            String vendorNotes, String cogsAgreement) {
        BigDecimal quantity = violations.collect(() -> Decimals.positiveQuantity("receivedQty", receivedQty));
        BigDecimal cost = violations.collect(() -> Decimals.nonNegativeUnitCost("unitCost", unitCost));
        violations.throwIfAny();
        return new LineCommand(batchId, batch, quantity, cost, Texts.blankToNull(internalNotes),
                Texts.blankToNull(vendorNotes), Texts.blankToNull(cogsAgreement));
    }
}
