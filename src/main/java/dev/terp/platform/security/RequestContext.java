package dev.terp.platform.security;

import java.util.Optional;

import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

/**
 * Who is acting and from where, for audit rows and {@code createdBy} columns: put into the Reactor context by the
 * authentication filter, so services deep in a call chain read it without passing it through every signature.
 */
public record RequestContext(Actor actor, String ipAddress, String userAgent, String traceId) {

    public static Mono<RequestContext> current() {
        return Mono.deferContextual(context -> Mono.justOrEmpty(from(context)));
    }

    public static Optional<RequestContext> from(ContextView context) {
        return context.getOrEmpty(RequestContext.class);
    }

    /**
     * The acting user, always the token's (D-02) and never the request body's; an operation that records who did it
     * fails with UNAUTHENTICATED when there is none.
     */
    public static Mono<Actor> actingUser() {
        return current()
                .flatMap(context -> Mono.justOrEmpty(context.actorIfAny()))
                .switchIfEmpty(Mono.error(() -> new ApiException(ErrorCode.UNAUTHENTICATED,
                        "This operation needs an authenticated user")));
    }

    public Optional<Actor> actorIfAny() {
        return Optional.ofNullable(actor);
    }
}
