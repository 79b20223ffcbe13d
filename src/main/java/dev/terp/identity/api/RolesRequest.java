package dev.terp.identity.api;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.platform.security.Role;

/** {@code PUT /api/v1/users/{id}/roles}. */
public record RolesRequest(@NotEmpty @Size(max = 6) List<@NotNull Role> roles, @PositiveOrZero Long version) {
}
