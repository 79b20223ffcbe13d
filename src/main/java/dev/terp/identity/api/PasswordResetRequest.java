package dev.terp.identity.api;

import jakarta.validation.constraints.NotBlank;

import dev.terp.platform.text.Verbatim;

/** {@code POST /api/v1/users/{id}/reset-password}. */
public record PasswordResetRequest(@Verbatim @NotBlank @BcryptPassword String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[password=<hidden>]";
    }
}
