package dev.terp.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.terp.identity.domain.PasswordPolicy;
import dev.terp.platform.text.Verbatim;

import dev.terp.platform.security.Role;

/** {@code POST /api/v1/users}: exactly what an administrator may set on a new account. */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3-64 letters, digits, '.', '_' or '-'")
        String username,
        @Verbatim @NotBlank @BcryptPassword
        @Schema(maxLength = PasswordPolicy.MAX_BYTES, description = "at most 72 bytes of UTF-8 (BCrypt's limit)") String password,
        @NotBlank @Size(max = 255) String displayName,
        @NotEmpty @Size(max = 6) List<@NotNull Role> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + ", password=<hidden>]";
    }
}
