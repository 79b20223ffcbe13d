package dev.terp.identity.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.terp.platform.text.Verbatim;

import dev.terp.platform.security.Role;

/** {@code POST /api/v1/users}: exactly what an administrator may set on a new account. */
public record CreateUserRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{3,64}", message = "must be 3-64 letters, digits, '.', '_' or '-'")
        String username,
        @Verbatim @NotBlank @BcryptPassword String password,
        @NotBlank @Size(max = 255) String displayName,
        @NotEmpty @Size(max = 6) List<@NotNull Role> roles) {

    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", roles=" + roles + ", password=<hidden>]";
    }
}
