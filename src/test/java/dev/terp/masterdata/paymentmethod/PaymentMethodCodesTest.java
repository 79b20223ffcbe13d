package dev.terp.masterdata.paymentmethod;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PaymentMethodCodesTest {

    @Test
    void normalisesToUpperCaseIndependentlyOfTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr"));
            assertThat(PaymentMethodCodes.parse("credit_card", "code")).isEqualTo("CREDIT_CARD");
            assertThat(PaymentMethodCodes.normalise("wire")).isEqualTo("WIRE");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void rejectsCodesThatAreNotOneToFiftyLettersDigitsOrUnderscores() {
        assertThatThrownBy(() -> PaymentMethodCodes.parse("bank-wire", "code")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PaymentMethodCodes.parse("", "code")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PaymentMethodCodes.parse("C".repeat(51), "code"))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> PaymentMethodCodes.parse("ÉCHÈQUE", "code")).isInstanceOf(ValidationException.class);
        assertThat(PaymentMethodCodes.parse("C".repeat(50), "code")).hasSize(50);
    }

    @Test
    void theDefaultsAreTheTenTerpSeededInOrder() {
        assertThat(DefaultPaymentMethods.CODES).containsExactly("CASH", "CHECK", "CREDIT_CARD", "DEBIT_CARD", "ACH",
                "WIRE", "PAYPAL", "VENMO", "ZELLE", "OTHER");
        assertThat(DefaultPaymentMethods.ALL).extracting(PaymentMethod::sortOrder)
                .containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(DefaultPaymentMethods.CODES).allSatisfy(code -> PaymentMethodCodes.parse(code, "code"));
    }
}
