package dev.terp.platform.security;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.ratelimit.RateLimiter;
import dev.terp.platform.web.ProblemTranslator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.web.cors.reactive.CorsConfigurationSource;

/**
 * Spring Security WebFlux for what it does well: the strict exchange firewall (encoded slashes, {@code ;},
 * {@code ..}, {@code //} and other non-normalised paths → 400 problem+json), bearer JWT authentication as an OAuth2
 * resource server (the Nimbus decoder of {@link JwtTokens}; the revocation check is part of authentication), CORS.
 * Stateless: no session, no saved request, no CSRF (bearer tokens, no cookies). Authorization stays per route in
 * {@code ApiRoutes} → {@link AccessGate}; the chain itself lets every exchange through. Every refusal is written by
 * the one {@link ProblemTranslator}. Headers: see {@link SecurityHeaders}.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, JwtTokens tokens,
            TokenRevocations revocations, CorsConfigurationSource cors,
            ServerAuthenticationEntryPoint problemEntryPoint, ProblemTranslator problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
                .headers(ServerHttpSecurity.HeaderSpec::disable)
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .cors(spec -> spec.configurationSource(cors))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(problemEntryPoint)
                        .accessDeniedHandler((exchange, denied) -> problems.handle(exchange,
                                new ApiException(ErrorCode.FORBIDDEN, "Access denied"))))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationEntryPoint(problemEntryPoint)
                        .jwt(jwt -> jwt.jwtDecoder(tokens.decoder())
                                .jwtAuthenticationConverter(notRevoked(tokens, revocations))))
                .build();
    }

    /** A bean as well, so Boot's fallback user store (and its generated password) stays away. */
    @Bean
    ReactiveJwtDecoder jwtDecoder(JwtTokens tokens) {
        return tokens.decoder();
    }

    @Bean
    ServerWebExchangeFirewall exchangeFirewall() {
        return new StrictServerWebExchangeFirewall();
    }

    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler(ProblemTranslator problems) {
        return (exchange, rejected) -> problems.handle(exchange, new ApiException(ErrorCode.MALFORMED_REQUEST,
                "The request path is not in canonical form (encoded '/', ';', '..', '//' and the like are refused)"));
    }

    /**
     * A bad, expired or revoked token answers 401; it still counts against the caller's address, so guessing tokens
     * is throttled like anything else (and answers 429 once the address's limit is used up).
     */
    @Bean
    ServerAuthenticationEntryPoint problemEntryPoint(RateLimiter rateLimiter, ProblemTranslator problems) {
        return (exchange, failure) -> rateLimiter.consumeApi(exchange, null).flatMap(decision -> {
            RateLimiter.writeHeaders(exchange, decision);
            ApiException refusal = decision.allowed() ? invalidToken(failure)
                    : RateLimiter.tooMany(exchange, decision, "Too many requests; slow down");
            return problems.handle(exchange, refusal);
        });
    }

    private static ApiException invalidToken(AuthenticationException failure) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, "The access token is invalid, expired or revoked");
    }

    /** The revocation check is part of authentication: a revoked token never becomes an authenticated request. */
    private static Converter<Jwt, Mono<AbstractAuthenticationToken>> notRevoked(JwtTokens tokens,
            TokenRevocations revocations) {
        return jwt -> Mono.fromCallable(() -> tokens.accessToken(jwt))
                .onErrorMap(unreadable -> new InvalidBearerTokenException("The token's claims are not usable",
                        unreadable))
                .flatMap(token -> revocations.isRevoked(token).flatMap(revoked -> revoked
                        ? Mono.error(new InvalidBearerTokenException("The token has been revoked"))
                        : Mono.just((AbstractAuthenticationToken) new ActorAuthentication(token))));
    }

}
