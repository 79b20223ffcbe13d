package dev.terp.platform.security;

import java.time.Duration;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/** CORS for browser clients: only the origins listed in {@code terp.security.cors-allowed-origins}, never '*'. */
@Configuration(proxyBeanMethods = false)
public class CorsConfiguration {

    /** Applied by Spring Security's CORS filter ({@link SecurityConfiguration}), preflights included. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(SecurityProperties security) {
        var api = new org.springframework.web.cors.CorsConfiguration();
        api.setAllowedOrigins(security.corsAllowedOrigins());
        api.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        api.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "Idempotency-Key",
                "X-Request-Id"));
        api.setExposedHeaders(List.of("ETag", "Location", "X-Request-Id", "Retry-After", "RateLimit-Limit",
                "RateLimit-Remaining", "RateLimit-Reset"));
        api.setAllowCredentials(false);
        api.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", api);
        return source;
    }
}
