package dev.terp.platform.security;

import java.net.InetSocketAddress;
import java.util.Optional;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.observability.TraceIds;
import dev.terp.platform.ratelimit.RateLimiter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Turns a bearer token into the request's {@link Actor}: verified signature and lifetime, not revoked. A request
 * with a bad token is refused here (401); a request without one proceeds anonymously and {@link AccessGate}
 * refuses it on any route but login. Also puts the {@link RequestContext} into the Reactor context.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AuthenticationFilter implements WebFilter {

    public static final String ACTOR_ATTRIBUTE = Actor.class.getName();
    private static final String BEARER = "Bearer ";
    static final String LOGIN_PATH = "/api/v1/auth/login";

    private final JwtTokens tokens;
    private final TokenRevocations revocations;
    private final RateLimiter rateLimiter;

    public AuthenticationFilter(JwtTokens tokens, TokenRevocations revocations, RateLimiter rateLimiter) {
        this.tokens = tokens;
        this.revocations = revocations;
        this.rateLimiter = rateLimiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (!path.startsWith("/api/") || header == null || path.equals(LOGIN_PATH)) {
            return proceed(exchange, chain, null);
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(exchange);
        }
        Optional<AccessToken> token = tokens.verify(header.substring(BEARER.length()).trim());
        if (token.isEmpty()) {
            return refuse(exchange);
        }
        return revocations.isRevoked(token.get()).flatMap(revoked -> revoked
                ? refuse(exchange)
                : proceed(exchange.mutate().principal(Mono.just(token.get().actor())).build(), chain,
                        token.get()));
    }

    /** The actor of a request that passed this filter with a token. */
    public static Optional<Actor> actorOf(ServerRequest request) {
        return request.attribute(ACTOR_ATTRIBUTE).map(Actor.class::cast);
    }

    /** The token a request was authenticated with, e.g. to revoke it on logout. */
    public static Optional<AccessToken> tokenOf(ServerRequest request) {
        return request.attribute(AccessToken.class.getName()).map(AccessToken.class::cast);
    }

    private static Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, AccessToken token) {
        Actor actor = token == null ? null : token.actor();
        if (token != null) {
            exchange.getAttributes().put(ACTOR_ATTRIBUTE, actor);
            exchange.getAttributes().put(AccessToken.class.getName(), token);
        }
        RequestContext context = new RequestContext(actor, clientAddress(exchange),
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.USER_AGENT),
                TraceIds.of(exchange).orElse(null));
        return chain.filter(exchange).contextWrite(reactorContext -> reactorContext.put(RequestContext.class, context));
    }

    private static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }

    /** A bad token still counts against the caller's address, so guessing tokens is throttled like anything else. */
    private Mono<Void> refuse(ServerWebExchange exchange) {
        return rateLimiter.consumeApi(exchange, null).flatMap(decision -> {
            RateLimiter.writeHeaders(exchange, decision);
            return Mono.error(decision.allowed() ? invalidToken()
                    : RateLimiter.tooMany(exchange, decision, "Too many requests; slow down"));
        });
    }

    private static ApiException invalidToken() {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The access token is invalid, expired or revoked");
    }
}
