package dev.terp.masterdata.paymentmethod;

import java.util.List;

/** The methods TERP's paymentMethods.seedDefaults created, in display order (sortOrder = position, as reorder sets). */
final class DefaultPaymentMethods {

    static final List<PaymentMethodDetails> ALL = List.of(
            new PaymentMethodDetails("CASH", "Cash", "Cash payment", 0),
            new PaymentMethodDetails("CHECK", "Check", "Paper check", 1),
            new PaymentMethodDetails("CREDIT_CARD", "Credit Card", "Credit card payment", 2),
            new PaymentMethodDetails("DEBIT_CARD", "Debit Card", "Debit card payment", 3),
            new PaymentMethodDetails("ACH", "ACH Transfer", "Automated Clearing House bank transfer", 4),
            new PaymentMethodDetails("WIRE", "Wire Transfer", "Bank wire transfer", 5),
            new PaymentMethodDetails("PAYPAL", "PayPal", "PayPal payment", 6),
            new PaymentMethodDetails("VENMO", "Venmo", "Venmo payment", 7),
            new PaymentMethodDetails("ZELLE", "Zelle", "Zelle bank transfer", 8),
            new PaymentMethodDetails("OTHER", "Other", "Any other payment method", 9));

    static final List<String> CODES = ALL.stream().map(PaymentMethodDetails::code).toList();

    private DefaultPaymentMethods() {
    }
}
