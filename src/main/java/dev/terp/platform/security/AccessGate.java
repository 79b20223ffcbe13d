package dev.terp.platform.security;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.ratelimit.RateLimiter;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;

/**
 * The one place where authorization happens: every {@code /api/v1} route passes through {@link #check} with the
 * permission it declared next to its path (see {@code ApiRoutes}). No token → 401 UNAUTHENTICATED; a role without
 * the permission → 403 FORBIDDEN; an expensive operation also draws from the strict rate limit.
 */
@Component
public class AccessGate {

    private final RateLimiter rateLimiter;

    public AccessGate(RateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
    }

    public Mono<Void> check(ServerRequest request, String permission, boolean expensive) {
        if (Permissions.PUBLIC.equals(permission)) {
            return Mono.empty();
        }
        Actor actor = AuthenticationFilter.actorOf(request).orElse(null);
        if (actor == null) {
            return Mono.error(new ApiException(ErrorCode.UNAUTHENTICATED,
                    "Send a bearer token: Authorization: Bearer <accessToken from POST /api/v1/auth/login>"));
        }
        if (!Permissions.AUTHENTICATED.equals(permission) && !actor.may(permission)) {
            return Mono.error(new ApiException(ErrorCode.FORBIDDEN,
                    "Your roles " + actor.roles() + " do not grant " + permission));
        }
        return expensive ? rateLimiter.requireStrict(request.exchange(), actor) : Mono.empty();
    }
}
