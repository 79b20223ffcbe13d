package dev.terp.masterdata.paymentmethod.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.paymentmethod.PaymentMethod;
import dev.terp.masterdata.paymentmethod.PaymentMethodCodes;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/payment-methods} and {@code PUT /api/v1/payment-methods/{id}}. A PUT replaces code, name
 * and description (an absent description is cleared) and must name the version it was based on (here or in
 * If-Match); an absent sortOrder keeps the method where it is, since positions are normally managed through reorder.
 */
@Schema(name = "PaymentMethodRequest")
public record PaymentMethodRequest(
        @NotBlank @Pattern(regexp = PaymentMethodCodes.PATTERN,
                message = "must be 1-50 letters, digits or underscores")
        @Schema(description = "Stored upper-case: 'wire' becomes 'WIRE'", example = "CREDIT_CARD") String code,
        @NotBlank @Size(max = 100) String name,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Position in pickers, ascending; 0 on create and unchanged on "
                + "update when absent") Integer sortOrder,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<PaymentMethod> {


    @Override
    public PaymentMethod applyTo(PaymentMethod current) {
        PaymentMethod base = current == null ? PaymentMethod.of(null, null, null, 0) : current;
        return new PaymentMethod(base.id(), PaymentMethodCodes.normalise(code), name.trim(),
                Texts.blankToNull(description), sortOrder == null ? base.sortOrder() : sortOrder, base.active(),
                base.version(), base.createdAt(), base.updatedAt());
    }
}
