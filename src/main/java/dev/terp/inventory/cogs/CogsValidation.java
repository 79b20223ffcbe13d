package dev.terp.inventory.cogs;

import java.math.BigDecimal;

import dev.terp.inventory.domain.CogsCalculator.Mode;
import dev.terp.platform.errors.Violations;
import dev.terp.platform.web.Decimals;

/**
 * Checks a new cost setting against the batch's mode, reporting every bad field at once: FIXED batches take
 * {@code newUnitCogs} only, RANGE batches {@code newUnitCogsMin} &lt; {@code newUnitCogsMax} only; money is &gt;= 0
 * with at most two decimals (never rounded). The mode of a batch does not change here.
 */
final class CogsValidation {

    private final Violations violations = new Violations();

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
                violations.add("newUnitCogsMax", "must be greater than newUnitCogsMin");
            }
            change = new CogsChange(mode, null, checkedMin, checkedMax);
        }
        violations.throwIfAny();
        return change;
    }

    private void absent(String field, BigDecimal value, Mode mode) {
        if (value != null) {
            violations.add(field, "is not used by " + mode + " batches");
        }
    }

    private BigDecimal money(String field, BigDecimal value) {
        return violations.collect(() -> Decimals.nonNegativeMoney(field, value));
    }
}
