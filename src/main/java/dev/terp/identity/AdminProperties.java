package dev.terp.identity;

import java.util.List;

import jakarta.validation.constraints.NotBlank;

import dev.terp.identity.domain.PasswordPolicy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created at the first start from {@code TERP_ADMIN_USERNAME} / {@code
 * TERP_ADMIN_PASSWORD}. There is no default password: outside the local profile a missing or weak one stops the
 * start-up; the local profile ({@code generate-if-missing}) makes a random one and prints it once.
 */
@Validated
@ConfigurationProperties("terp.admin")
public record AdminProperties(@NotBlank String username, String password, boolean generateIfMissing) {

    public AdminProperties {
        boolean missing = password == null || password.isBlank();
        if (missing && !generateIfMissing) {
            throw new IllegalArgumentException("terp.admin.password (TERP_ADMIN_PASSWORD) is required: it sets the "
                    + "first administrator's password. There is no default.");
        }
        if (!missing) {
            List<String> problems = PasswordPolicy.problems(password, username);
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("terp.admin.password (TERP_ADMIN_PASSWORD) is not acceptable: "
                        + String.join("; ", problems));
            }
        }
    }

    @Override
    public String toString() {
        return "AdminProperties[username=" + username + ", password=<hidden>, generateIfMissing="
                + generateIfMissing + "]";
    }
}
