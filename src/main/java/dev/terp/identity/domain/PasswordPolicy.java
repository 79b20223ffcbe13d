package dev.terp.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What makes a password acceptable: at least 12 characters and at most {@value #MAX_BYTES} bytes in UTF-8 (BCrypt
 * reads no further: Spring Security refuses longer input, older encoders silently ignored the rest), at least three
 * of lower case, upper case, digits and symbols, and not containing the username. Returns the reasons it is not, so
 * all of them reach the client.
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** BCrypt's input limit; in bytes, so 30 × "é€" (60 characters, 150 bytes) is too long. */
    public static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    public static List<String> problems(String password, String username) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) {
            problems.add("must be at least " + MIN_LENGTH + " characters");
            return problems;
        }
        if (!fitsBcrypt(password)) {
            problems.add(TOO_LONG);
        }
        int classes = 0;
        classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
        classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
        classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
        if (classes < 3) {
            problems.add("must mix at least three of: lower case, upper case, digits, symbols");
        }
        if (username != null && username.length() >= 3
                && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the username");
        }
        return problems;
    }

    /** The problem reported for a password past {@value #MAX_BYTES} bytes, by the policy and by the login form. */
    public static final String TOO_LONG = "must be at most " + MAX_BYTES + " bytes in UTF-8 (BCrypt's limit; "
            + "letters like é or € take 2-3 bytes)";

    /** Whether BCrypt can check this password at all: at most {@value #MAX_BYTES} bytes in UTF-8. */
    public static boolean fitsBcrypt(String password) {
        return password == null || utf8Length(password) <= MAX_BYTES;
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    public static boolean isAcceptable(String password, String username) {
        return problems(password, username).isEmpty();
    }
}
