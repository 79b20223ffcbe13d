package dev.terp.platform.security;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One canonical path: whatever the router would match as {@code /api/...} is limited and authorised like it, and
 * what is not in canonical form never reaches a handler. Also the resource server's token checks and the client
 * address of a request from an untrusted peer.
 */
@IntegrationTest
public class RequestFirewallIT {

    private static final String LOGIN_BODY = "{\"username\":\"firewall-probe\",\"password\":\"wrong-password-1A!\"}";

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Autowired
    SecurityProperties security;

    @Autowired
    DatabaseClient db;

    @Value("${local.server.port}")
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"/api;x/v1/auth/login", "/api/v1/auth;x/login", "/api%2Fv1/auth/login",
            "/api/v1/%2E%2E/v1/auth/login", "/api/v1/../v1/auth/login", "/api//v1/auth/login",
            "/api/v1/vendors;x", "/api;jsessionid=1/v1/vendors", "/api%2Fv1%2Fvendors", "/api/v1/x/../vendors"})
    void pathsNotInCanonicalFormAreRefusedAsProblems(String path) {
        http.post().uri(URI.create(base() + path)).contentType(MediaType.APPLICATION_JSON).bodyValue(LOGIN_BODY)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
        anonymous().get().uri(URI.create(base() + path)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void anEncodedLoginPathIsRateLimitedLikeThePlainOne() {
        for (String path : List.of("/api/v1/auth/login", "/%61pi/v1/auth/login", "/ap%69/v1/auth/%6Cogin")) {
            anonymous().post().uri(URI.create(base() + path)).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(LOGIN_BODY)
                    .exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().exists("RateLimit-Limit")
                    .expectHeader().exists("RateLimit-Remaining")
                    .expectBody().jsonPath("$.code").isEqualTo("INVALID_CREDENTIALS");
        }
    }

    @Test
    void anEncodedProtectedPathIsLimitedAndAuthorisedLikeThePlainOne() {
        anonymous().get().uri(URI.create(base() + "/%61pi/v1/vendors?limit=1")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("RateLimit-Remaining")
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        http.get().uri(URI.create(base() + "/%61pi/v1/vendors?limit=1")).exchange()
                .expectStatus().isOk()
                .expectHeader().exists("RateLimit-Remaining");
        bearer(tokens.forRole(Role.VIEWER)).post().uri(URI.create(base() + "/%61pi/v1/vendors"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"Never created\"}")
                .exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
    }

    @Test
    void tokensFailingTheResourceServersChecksAnswer401() throws Exception {
        Instant now = Instant.now();
        String valid = signed(claims(now).build());
        bearer(valid).get().uri("/api/v1/vendors?limit=1").exchange().expectStatus().isOk();

        for (String refused : List.of(
                signed(claims(now).notBeforeTime(Date.from(now.plusSeconds(600))).build()),
                signed(claims(now).issuer("someone-else").build()),
                signed(claims(now).expirationTime(Date.from(now.minusSeconds(120))).build()),
                signed(claims(now).jwtID(null).build()),
                valid.substring(0, valid.length() - 2) + "xx",
                "not-a-token")) {
            bearer(refused).get().uri("/api/v1/vendors?limit=1").exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void aRevokedTokenIsRefusedDuringAuthentication() {
        long userId = 870_000_000L + (System.nanoTime() & 0xFFFF);
        String token = tokens.forUser(userId, "revoked-" + userId, java.util.Set.of(Role.VIEWER));
        bearer(token).get().uri("/api/v1/vendors?limit=1").exchange().expectStatus().isOk();

        bearer(token).post().uri("/api/v1/auth/logout").exchange().expectStatus().isNoContent();

        bearer(token).get().uri("/api/v1/vendors?limit=1").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    /** No trusted proxies are configured here: a client naming its own address is not believed. */
    @Test
    void aForwardedForHeaderFromAnUntrustedPeerIsIgnored() {
        String username = "xff-probe-" + UUID.randomUUID();
        anonymous().post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", "203.0.113.66")
                .header("Forwarded", "for=203.0.113.67")
                .bodyValue("{\"username\":\"" + username + "\",\"password\":\"wrong-password-1A!\"}")
                .exchange()
                .expectStatus().isUnauthorized();

        assertThat(auditedAddress(db, username)).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    }

    public static String auditedAddress(DatabaseClient db, String username) {
        return db.sql("SELECT ip_address FROM audit_logs WHERE action = 'LOGIN_FAILED' AND after_state LIKE :name")
                .bind("name", "%" + username + "%")
                .map(row -> row.get("ip_address", String.class)).one().block();
    }

    private JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder()
                .issuer("terp")
                .subject("880000001")
                .claim("username", "crafted")
                .claim("roles", List.of("VIEWER"))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(600)));
    }

    private String signed(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(security.jwtSecret().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private String base() {
        return "http://localhost:" + port;
    }

    private WebTestClient anonymous() {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }

    private WebTestClient bearer(String token) {
        return http.mutate().defaultHeaders(headers -> headers.setBearerAuth(token)).build();
    }
}
