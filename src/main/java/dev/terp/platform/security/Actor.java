package dev.terp.platform.security;

import java.security.Principal;
import java.util.Set;

/**
 * The authenticated user a request acts for, taken from the verified token and never from the request body
 * (D-02). It is the exchange's principal and travels in the Reactor context (see {@link RequestContext}).
 */
public record Actor(long userId, String username, Set<Role> roles) implements Principal {

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean may(String permission) {
        return RolePermissions.grants(roles, permission);
    }

    @Override
    public String getName() {
        return username;
    }
}
