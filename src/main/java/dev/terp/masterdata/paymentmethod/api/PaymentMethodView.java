package dev.terp.masterdata.paymentmethod.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.paymentmethod.PaymentMethod;

@Schema(name = "PaymentMethod")
public record PaymentMethodView(
        long id,
        String code,
        String name,
        String description,
        int sortOrder,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static PaymentMethodView of(PaymentMethod method) {
        return new PaymentMethodView(method.id(), method.code(), method.name(), method.description(),
                method.sortOrder(), method.active(), method.version(), method.createdAt(), method.updatedAt());
    }
}
