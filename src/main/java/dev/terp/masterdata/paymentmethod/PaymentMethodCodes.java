package dev.terp.masterdata.paymentmethod;

import java.util.Locale;
import java.util.regex.Pattern;

import dev.terp.platform.errors.ValidationException;

/** The code rules in one place: 1-50 letters, digits or underscores, stored and compared upper-case. Pure. */
public final class PaymentMethodCodes {

    public static final String PATTERN = "[A-Za-z0-9_]{1,50}";

    private static final Pattern VALID = Pattern.compile(PATTERN);

    private PaymentMethodCodes() {
    }

    public static String normalise(String code) {
        return code.toUpperCase(Locale.ROOT);
    }

    /** A code from the path: rejected with 400 unless well-formed, then normalised. */
    static String parse(String raw, String field) {
        if (raw == null || !VALID.matcher(raw).matches()) {
            throw ValidationException.of(field, "must be 1-50 letters, digits or underscores");
        }
        return normalise(raw);
    }
}
