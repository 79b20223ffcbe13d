package dev.terp.identity.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTest {

    @Test
    void acceptsALongMixedPassword() {
        assertThat(PasswordPolicy.problems("Correct-Horse-9-Battery", "alice")).isEmpty();
    }

    @Test
    void refusesShortSimpleOrPersonalPasswords() {
        assertThat(PasswordPolicy.problems("Sh0rt!", "alice")).containsExactly("must be at least 12 characters");
        assertThat(PasswordPolicy.problems("alllowercaseletters", "bob"))
                .containsExactly("must mix at least three of: lower case, upper case, digits, symbols");
        assertThat(PasswordPolicy.problems("Alice-2026-password", "alice")).containsExactly("must not contain the username");
        assertThat(PasswordPolicy.problems(null, "alice")).isNotEmpty();
        assertThat(PasswordPolicy.problems("Aa1!" + "x".repeat(130), "alice"))
                .containsExactly(PasswordPolicy.TOO_LONG);
    }

    @Test
    void theLimitIsBcryptsSeventyTwoBytesNotCharacters() {
        String multiByte = "Aa1!" + "é€".repeat(30); // 64 characters, 4 + 150 bytes
        assertThat(multiByte.length()).isLessThan(72);

        assertThat(PasswordPolicy.problems(multiByte, "alice")).containsExactly(PasswordPolicy.TOO_LONG);
        assertThat(PasswordPolicy.TOO_LONG).contains("72 bytes");
        String exactly72Bytes = "Aa1!" + "x".repeat(68);
        assertThat(PasswordPolicy.problems(exactly72Bytes, "alice")).isEmpty();
        assertThat(PasswordPolicy.problems(exactly72Bytes + "x", "alice")).containsExactly(PasswordPolicy.TOO_LONG);
    }
}
