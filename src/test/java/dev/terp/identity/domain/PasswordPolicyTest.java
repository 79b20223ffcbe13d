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
                .containsExactly("must be at most 128 characters");
    }
}
