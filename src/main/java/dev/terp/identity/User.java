package dev.terp.identity;

import java.time.Instant;
import java.util.Set;

import dev.terp.platform.security.Actor;
import dev.terp.platform.security.Role;

/** A user account. The password hash never leaves the identity package. */
public record User(
        long id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean active,
        Instant lastLoginAt,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public Actor asActor() {
        return new Actor(id, username, roles);
    }
}
