package dev.terp.platform.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What Spring Security holds for a request with a valid, unrevoked bearer token: the {@link Actor} (its principal)
 * and the {@link AccessToken} (for logout). Authorities are the roles; permissions are checked by {@link AccessGate}.
 */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final AccessToken token;

    public ActorAuthentication(AccessToken token) {
        super(token.actor().roles().stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList());
        this.token = token;
        setAuthenticated(true);
    }

    public AccessToken token() {
        return token;
    }

    @Override
    public Actor getPrincipal() {
        return token.actor();
    }

    @Override
    public Object getCredentials() {
        return token.value();
    }

    @Override
    public String getName() {
        return token.actor().username();
    }

    @Override
    public List<Object> getDetails() {
        return List.of();
    }
}
