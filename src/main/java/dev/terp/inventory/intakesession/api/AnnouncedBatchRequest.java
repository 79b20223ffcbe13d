package dev.terp.inventory.intakesession.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.platform.web.Decimals;
import dev.terp.inventory.intake.api.IntakeRequest.IntakeLocation;

/**
 * A batch a session line announces: created with the line, AWAITING_INTAKE with nothing on hand, from the session's
 * vendor; the line's receivedQty arrives when the session completes (the only receipt for it). The fields and rules
 * are those of a direct intake ({@code POST /api/v1/inventory/intake}) without vendor and quantity.
 */
@Schema(name = "AnnouncedBatchRequest")
public record AnnouncedBatchRequest(
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
}
