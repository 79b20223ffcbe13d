package dev.terp.inventory.intake.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.platform.web.Decimals;

/**
 * Body of {@code POST /api/v1/inventory/intake}. It carries no constraint annotations on purpose: every rule,
 * including the ones that need the database (category, subcategory, grade, strain), is checked by the intake
 * service in one pass, so a client sees all invalid fields at once.
 */
@Schema(name = "IntakeRequest")
public record IntakeRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by name, created if new",
                maxLength = 255)
        String vendorName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by name, created if new",
                maxLength = 255)
        String brandName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Found by (brand, canonical name), created if new", maxLength = 500) String productName,
        @Schema(description = "Name of an existing strain", maxLength = 255) String strainName,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Name of an existing category",
                maxLength = 100)
        String category,
        @Schema(description = "Name of an existing subcategory of the category", maxLength = 100) String subcategory,
        @Schema(description = "Name of an existing grade", maxLength = 50) String grade,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, type = "string", example = "10.5000",
                description = "Greater than 0, at most 4 decimals",
                        maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal quantity,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, allowableValues = {"FIXED", "RANGE"})
        String cogsMode,
        @Schema(type = "string", example = "12.50", description = "Required for FIXED; >= 0, at most 2 decimals",
                maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal unitCogs,
        @Schema(type = "string", description = "Required for RANGE; >= 0, below unitCogsMax",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal unitCogsMin,
        @Schema(type = "string", description = "Required for RANGE; above unitCogsMin",
                maxLength = Decimals.MAX_INPUT_LENGTH) BigDecimal unitCogsMax,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                allowableValues = {"COD", "NET_7", "NET_15", "NET_30", "CONSIGNMENT", "PARTIAL"})
        String paymentTerms,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "Found by address, created if new")
        IntakeLocation location,
        LocalDate expirationDate) {

    /** Where the received stock is put; blank optional parts count as absent. */
    @Schema(name = "IntakeLocation")
    public record IntakeLocation(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 100) String site,
            @Schema(maxLength = 100) String zone,
            @Schema(maxLength = 100) String rack,
            @Schema(maxLength = 100) String shelf,
            @Schema(maxLength = 100) String bin) {
    }
}
