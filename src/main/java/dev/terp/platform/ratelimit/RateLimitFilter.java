package dev.terp.platform.ratelimit;

import reactor.core.publisher.Mono;

import dev.terp.platform.security.Actor;
import dev.terp.platform.security.AuthenticationFilter;
import dev.terp.platform.web.CanonicalPath;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/** The general API limit on every {@code /api/} request, after authentication so users are counted by id. */
@Component
@Order(AuthenticationFilter.ORDER + 10)
public class RateLimitFilter implements WebFilter {

    private final RateLimiter limiter;

    public RateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!CanonicalPath.isApi(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Actor actor = exchange.getAttribute(AuthenticationFilter.ACTOR_ATTRIBUTE);
        return limiter.consumeApi(exchange, actor).flatMap(decision -> {
            RateLimiter.writeHeaders(exchange, decision);
            return decision.allowed()
                    ? chain.filter(exchange)
                    : Mono.error(RateLimiter.tooMany(exchange, decision, "Too many requests; slow down"));
        });
    }
}
