package dev.terp.identity.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

import dev.terp.identity.domain.PasswordPolicy;
import dev.terp.platform.text.Verbatim;

/** {@code POST /api/v1/users/{id}/reset-password}. */
public record PasswordResetRequest(@Verbatim @NotBlank @BcryptPassword
        @Schema(maxLength = PasswordPolicy.MAX_BYTES, description = "at most 72 bytes of UTF-8 (BCrypt's limit)") String password) {

    @Override
    public String toString() {
        return "PasswordResetRequest[password=<hidden>]";
    }
}
