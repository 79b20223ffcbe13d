package dev.terp.platform.web;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The API-edge decimal rules the inventory endpoints rely on (api-conventions §1). */
class DecimalsTest {

    @Test
    void quantitiesKeepFourDecimalsAndRefuseAFifth() {
        assertThat(Decimals.positiveQuantity("quantity", new BigDecimal("0.001"))).isEqualTo(new BigDecimal("0.0010"));
        assertThat(Decimals.positiveQuantity("quantity", new BigDecimal("0.0001"))).isEqualTo(new BigDecimal("0.0001"));
        assertThat(Decimals.positiveQuantity("quantity", new BigDecimal("2.50000"))).isEqualTo(new BigDecimal("2.5000"));
        assertThatThrownBy(() -> Decimals.positiveQuantity("quantity", new BigDecimal("0.00001")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations().get(0).field()).isEqualTo("quantity"));
    }

    @Test
    void positiveQuantitiesRefuseZeroAndNegatives() {
        assertThatThrownBy(() -> Decimals.positiveQuantity("quantity", BigDecimal.ZERO))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Decimals.positiveQuantity("quantity", new BigDecimal("-1")))
                .isInstanceOf(ValidationException.class);
        assertThat(Decimals.quantity("quantity", new BigDecimal("-1"))).isEqualTo(new BigDecimal("-1.0000"));
        assertThatThrownBy(() -> Decimals.quantity("quantity", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void valuesOutsideTheColumnAreRefusedNotClipped() {
        assertThat(Decimals.quantity("q", new BigDecimal("99999999999.9999"))).isNotNull();
        assertThatThrownBy(() -> Decimals.quantity("q", new BigDecimal("100000000000")))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Decimals.money("m", new BigDecimal("1.005"))).isInstanceOf(ValidationException.class);
    }

    @Test
    void nonNegativeMoneyAcceptsZeroAndRefusesNegatives() {
        assertThat(Decimals.nonNegativeMoney("unitCost", BigDecimal.ZERO)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Decimals.nonNegativeMoney("unitCost", new BigDecimal("12.5"))).isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> Decimals.nonNegativeMoney("unitCost", new BigDecimal("-0.01")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .containsExactly(new FieldViolation("unitCost", "must not be negative")));
    }

    @Test
    void nonNegativeMoneyReportsScaleAndPresenceFirst() {
        assertThatThrownBy(() -> Decimals.nonNegativeMoney("unitPrice", new BigDecimal("-1.005")))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .containsExactly(new FieldViolation("unitPrice", "must have at most 2 decimals")));
        assertThatThrownBy(() -> Decimals.nonNegativeMoney("unitPrice", null))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).violations())
                        .containsExactly(new FieldViolation("unitPrice", "is required")));
    }

    @Test
    void responsesAreFixedScaleStrings() {
        assertThat(Decimals.formatQuantity(new BigDecimal("3.5"))).isEqualTo("3.5000");
        assertThat(Decimals.formatQuantity(new BigDecimal("1E+2"))).isEqualTo("100.0000");
        assertThat(Decimals.formatMoney(new BigDecimal("12.5"))).isEqualTo("12.50");
        assertThat(Decimals.formatMoney(null)).isNull();
    }
}
