package dev.terp.inventory.intake;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.terp.masterdata.location.LocationAddress;

/**
 * An intake request after the checks that need no database: names trimmed, the product name in canonical form,
 * amounts at their scale, and the COGS fields that do not belong to the mode dropped. A field that failed its check
 * is null (the request is then refused as a whole).
 */
record IntakeCommand(
        String vendorName,
        String brandName,
        String productName,
        String strainName,
        String category,
        String subcategory,
        String grade,
        BigDecimal quantity,
        String cogsMode,
        BigDecimal unitCogs,
        BigDecimal unitCogsMin,
        BigDecimal unitCogsMax,
        String paymentTerms,
        LocationAddress location,
        LocalDate expirationDate) {
}
