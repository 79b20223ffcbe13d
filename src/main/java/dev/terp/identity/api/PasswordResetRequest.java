package dev.terp.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.terp.platform.text.Verbatim;

/** {@code POST /api/v1/users/{id}/reset-password}. */
public record PasswordResetRequest(@Verbatim @NotBlank @Size(max = 128) String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[password=<hidden>]";
    }
}
