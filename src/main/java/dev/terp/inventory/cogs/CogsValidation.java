package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.terp.inventory.domain.CogsCalculator.Mode;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.web.Decimals;

/**
 * Checks a new cost setting against the batch's mode, reporting every bad field at once: FIXED batches take
 * {@code newUnitCogs} only, RANGE batches {@code newUnitCogsMin} &lt; {@code newUnitCogsMax} only; money is &gt;= 0
 * with at most two decimals (never rounded). The mode of a batch does not change here.
 */
final class CogsValidation {

    private final List<FieldViolation> violations = new ArrayList<>();

    private CogsValidation() {
    }

    static CogsChange check(Mode mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max) {
        return new CogsValidation().run(mode, unitCogs, min, max);
    }

    private CogsChange run(Mode mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max) {
        CogsChange change;
        if (mode == Mode.FIXED) {
            absent("newUnitCogsMin", min, mode);
            absent("newUnitCogsMax", max, mode);
            change = new CogsChange(mode, money("newUnitCogs", unitCogs), null, null);
        } else {
            absent("newUnitCogs", unitCogs, mode);
            BigDecimal checkedMin = money("newUnitCogsMin", min);
            BigDecimal checkedMax = money("newUnitCogsMax", max);
            if (checkedMin != null && checkedMax != null && checkedMin.compareTo(checkedMax) >= 0) {
                violations.add(new FieldViolation("newUnitCogsMax", "must be greater than newUnitCogsMin"));
            }
            change = new CogsChange(mode, null, checkedMin, checkedMax);
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(List.copyOf(violations));
        }
        return change;
    }

    private void absent(String field, BigDecimal value, Mode mode) {
        if (value != null) {
            violations.add(new FieldViolation(field, "is not used by " + mode + " batches"));
        }
    }

    private BigDecimal money(String field, BigDecimal value) {
        try {
            BigDecimal money = Decimals.money(field, value);
            if (money.signum() < 0) {
                violations.add(new FieldViolation(field, "must not be negative"));
                return null;
            }
            return money;
        } catch (ValidationException invalid) {
            violations.addAll(invalid.violations());
            return null;
        }
    }
}
