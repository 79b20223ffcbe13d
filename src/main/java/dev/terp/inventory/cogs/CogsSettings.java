package dev.terp.inventory.cogs;

import java.math.BigDecimal;

import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.inventory.domain.CogsCalculator.Basis;
import dev.terp.inventory.domain.CogsCalculator.Mode;

/** The COGS columns of a batch row, with its version. */
record CogsSettings(long batchId, Mode mode, BigDecimal unitCogs, BigDecimal unitCogsMin, BigDecimal unitCogsMax,
        long version) {

    Basis basis() {
        return new Basis(mode, unitCogs, unitCogsMin, unitCogsMax);
    }

    BigDecimal unitCostBasis() {
        return CogsCalculator.unitCostBasis(basis());
    }
}
