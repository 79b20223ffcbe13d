package dev.terp.platform.security;

import reactor.core.publisher.Mono;

import dev.terp.platform.web.CanonicalPath;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The headers of api-conventions §8 on every response: API, errors and actuator alike (set before anything else
 * runs, so even a request refused by a later filter carries them). Swagger UI gets the CSP it needs to render.
 *
 * <p>Written here rather than by Spring Security's header writers (switched off in {@link SecurityConfiguration}):
 * those run inside its filter chain, after the firewall, so a request the firewall rejects would leave without them,
 * and its HSTS writer only writes on HTTPS requests, while TLS ends at the proxy in front of us.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class SecurityHeaders implements WebFilter {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";
    static final String SWAGGER_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    /** An API has no use for any powerful browser feature. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        HttpHeaders headers = exchange.getResponse().getHeaders();
        String path = CanonicalPath.of(exchange.getRequest());
        boolean swagger = path.startsWith("/swagger-ui") || path.startsWith("/webjars/");
        headers.set("Content-Security-Policy", swagger ? SWAGGER_POLICY : API_POLICY);
        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Cache-Control", "no-store");
        headers.set("Permissions-Policy", PERMISSIONS_POLICY);
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
        return chain.filter(exchange);
    }
}
