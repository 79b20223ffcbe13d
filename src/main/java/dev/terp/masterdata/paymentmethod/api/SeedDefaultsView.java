package dev.terp.masterdata.paymentmethod.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.paymentmethod.PaymentMethod;

@Schema(name = "PaymentMethodSeedResult")
public record SeedDefaultsView(
        @Schema(description = "How many defaults this call created (0 when all existed)") long created,
        @ArraySchema(maxItems = 10, arraySchema = @Schema(description = "Every default method as it stands now, in "
                + "default order (there are ten)")) List<PaymentMethod> items) {
}
