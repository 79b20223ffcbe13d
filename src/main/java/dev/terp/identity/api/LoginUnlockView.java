package dev.terp.identity.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/v1/users/{id}/unlock}: how many client addresses had their login lockout and limit lifted, and
 * the first {@value #LISTED} of them (guessing from many addresses leaves one row each; the answer stays bounded).
 */
@Schema(name = "LoginUnlock")
public record LoginUnlockView(
        long userId,
        @Schema(minimum = "0", maximum = "2147483647") int unlockedAddresses,
        @ArraySchema(maxItems = LISTED) List<String> clientAddresses) {

    public static final int LISTED = 100;

    public static LoginUnlockView of(long userId, List<String> addresses) {
        return new LoginUnlockView(userId, addresses.size(),
                List.copyOf(addresses.subList(0, Math.min(LISTED, addresses.size()))));
    }
}
