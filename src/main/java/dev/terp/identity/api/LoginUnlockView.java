package dev.terp.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /api/v1/users/{id}/unlock}: the client addresses whose login lockout and limit were lifted. */
@Schema(name = "LoginUnlock")
public record LoginUnlockView(long userId, List<String> clientAddresses) {
}
