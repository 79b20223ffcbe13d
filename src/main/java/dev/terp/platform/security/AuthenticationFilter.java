package dev.terp.platform.security;

import java.util.Optional;

import reactor.core.publisher.Mono;

import dev.terp.platform.observability.TraceIds;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Runs right after Spring Security's filter chain, which verified the bearer token (see
 * {@link SecurityConfiguration}): puts the request's {@link Actor} and {@link AccessToken} on the exchange and the
 * {@link RequestContext} (actor, client address, user agent, traceId) into the Reactor context. A request without a
 * token proceeds anonymously and {@link AccessGate} refuses it on any route that is not public.
 */
@Component
@Order(AuthenticationFilter.ORDER)
public class AuthenticationFilter implements WebFilter {

    /** After Spring Security's chain (its WebFilterChainProxy has order -100), before the rate limit. */
    public static final int ORDER = -100 + 10;
    public static final String ACTOR_ATTRIBUTE = Actor.class.getName();

    private final ClientAddresses clientAddresses;

    public AuthenticationFilter(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getPrincipal()
                .filter(ActorAuthentication.class::isInstance)
                .map(ActorAuthentication.class::cast)
                .map(authentication -> Optional.of(authentication.token()))
                .defaultIfEmpty(Optional.empty())
                .flatMap(token -> proceed(exchange, chain, token.orElse(null)));
    }

    /** The actor of a request that carried a valid token. */
    public static Optional<Actor> actorOf(ServerRequest request) {
        return request.attribute(ACTOR_ATTRIBUTE).map(Actor.class::cast);
    }

    /** The token a request was authenticated with, e.g. to revoke it on logout. */
    public static Optional<AccessToken> tokenOf(ServerRequest request) {
        return request.attribute(AccessToken.class.getName()).map(AccessToken.class::cast);
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, AccessToken token) {
        Actor actor = token == null ? null : token.actor();
        if (token != null) {
            exchange.getAttributes().put(ACTOR_ATTRIBUTE, actor);
            exchange.getAttributes().put(AccessToken.class.getName(), token);
        }
        RequestContext context = new RequestContext(actor, clientAddresses.of(exchange),
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                TraceIds.of(exchange).orElse(null));
        return chain.filter(exchange).contextWrite(reactorContext -> reactorContext.put(RequestContext.class, context));
    }
}
