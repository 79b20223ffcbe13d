package dev.terp.masterdata.paymentmethod.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.paymentmethod.PaymentMethod;

/** The answer of a reorder: the listed methods, in the order given, with their new sortOrder and version. */
@Schema(name = "PaymentMethodList")
public record PaymentMethodList(@ArraySchema(maxItems = 1000) List<PaymentMethod> items) {
}
