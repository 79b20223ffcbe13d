package dev.terp.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.terp.platform.text.Verbatim;

public record LoginRequest(
        @NotBlank @Size(max = 64) String username,
        @Verbatim @NotBlank @BcryptPassword String password) {

    @Override
    public String toString() {
        return "LoginRequest[username=" + username + ", password=<hidden>]";
    }
}
