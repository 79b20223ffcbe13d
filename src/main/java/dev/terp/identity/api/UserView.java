package dev.terp.identity.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.identity.User;

@Schema(name = "User")
public record UserView(
        long id,
        String username,
        String displayName,
        @ArraySchema(maxItems = 6) List<String> roles,
        boolean active,
        Instant lastLoginAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static UserView of(User user) {
        return new UserView(user.id(), user.username(), user.displayName(),
                user.roles().stream().map(Enum::name).sorted().toList(), user.active(), user.lastLoginAt(),
                user.version(), user.createdAt(), user.updatedAt());
    }
}
