package dev.terp.inventory.cogs;

import java.math.BigDecimal;

import dev.terp.inventory.domain.CogsCalculator.Basis;
import dev.terp.inventory.domain.CogsCalculator.Mode;

/** A validated new cost setting: {@code unitCogs} for FIXED batches, {@code min}/{@code max} for RANGE ones. */
record CogsChange(Mode mode, BigDecimal unitCogs, BigDecimal min, BigDecimal max) {

    Basis basis() {
        return new Basis(mode, unitCogs, min, max);
    }
}
