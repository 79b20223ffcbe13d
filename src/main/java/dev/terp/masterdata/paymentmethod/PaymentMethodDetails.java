package dev.terp.masterdata.paymentmethod;

/**
 * What a client may set on a payment method, already validated; {@code code} is upper-case. A null
 * {@code sortOrder} means 0 on create and "keep the current position" on update.
 */
public record PaymentMethodDetails(String code, String name, String description, Integer sortOrder) {
}
