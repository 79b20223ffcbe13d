package dev.terp.inventory.intake.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Body of {@code POST /api/v1/inventory/intake}. It carries no constraint annotations on purpose: every rule,
 * including the ones that need the database (category, subcategory, grade, strain), is checked by the intake
 * service in one pass, so a client sees all invalid fields at once.
 */
@Schema(name = "IntakeRequest")
public record IntakeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by name, created if new")
        String vendorName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by name, created if new")
        String brandName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Found by (brand, canonical name), created if new") String productName,
        @Schema(description = "Name of an existing strain") String strainName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Name of an existing category")
        String category,
        @Schema(description = "Name of an existing subcategory of the category") String subcategory,
        @Schema(description = "Name of an existing grade") String grade,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "10.5000",
                description = "Greater than 0, at most 4 decimals") BigDecimal quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FIXED", "RANGE"})
        String cogsMode,
        @Schema(type = "string", example = "12.50", description = "Required for FIXED; >= 0, at most 2 decimals")
        BigDecimal unitCogs,
        @Schema(type = "string", description = "Required for RANGE; >= 0, below unitCogsMax") BigDecimal unitCogsMin,
        @Schema(type = "string", description = "Required for RANGE; above unitCogsMin") BigDecimal unitCogsMax,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"COD", "NET_7", "NET_15", "NET_30", "CONSIGNMENT", "PARTIAL"})
        String paymentTerms,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by address, created if new")
        IntakeLocation location,
        LocalDate expirationDate) {

    /** Where the received stock is put; blank optional parts count as absent. */
    @Schema(name = "IntakeLocation")
    public record IntakeLocation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String site,
            String zone,
            String rack,
            String shelf,
            String bin) {
    }
}
