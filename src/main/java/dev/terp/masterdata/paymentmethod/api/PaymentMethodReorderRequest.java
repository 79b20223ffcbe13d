package dev.terp.masterdata.paymentmethod.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/payment-methods/reorder}: each listed method gets sortOrder = its index. */
@Schema(name = "PaymentMethodReorderRequest")
public record PaymentMethodReorderRequest(
        @NotEmpty @Size(max = 1000)
        @Schema(description = "Distinct positive ids of existing payment methods, first = sortOrder 0")
        List<Long> orderedIds) {
}
