package dev.terp.masterdata.paymentmethod;

import java.util.List;

/** The methods TERP's paymentMethods.seedDefaults created, in display order (sortOrder = position, as reorder sets). */
final class DefaultPaymentMethods {

    static final List<PaymentMethod> ALL = List.of(
            PaymentMethod.of("CASH", "Cash", "Cash payment", 0),
            PaymentMethod.of("CHECK", "Check", "Paper check", 1),
            PaymentMethod.of("CREDIT_CARD", "Credit Card", "Credit card payment", 2),
            PaymentMethod.of("DEBIT_CARD", "Debit Card", "Debit card payment", 3),
            PaymentMethod.of("ACH", "ACH Transfer", "Automated Clearing House bank transfer", 4),
            PaymentMethod.of("WIRE", "Wire Transfer", "Bank wire transfer", 5),
            PaymentMethod.of("PAYPAL", "PayPal", "PayPal payment", 6),
            PaymentMethod.of("VENMO", "Venmo", "Venmo payment", 7),
            PaymentMethod.of("ZELLE", "Zelle", "Zelle bank transfer", 8),
            PaymentMethod.of("OTHER", "Other", "Any other payment method", 9));

    static final List<String> CODES = ALL.stream().map(PaymentMethod::code).toList();

    private DefaultPaymentMethods() {
    }
}
