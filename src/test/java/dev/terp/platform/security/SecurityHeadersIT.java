package dev.terp.platform.security;

import org.junit.jupiter.api.Test;

import dev.terp.platform.web.TestPaths;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SecurityHeadersIT {

    @Autowired
    WebTestClient http;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        assertSecurityHeaders(http.get().uri("/api/v1/vendors?limit=1").exchange().expectStatus().isOk(), true);
        assertSecurityHeaders(http.get().uri("/api/v1/no-such-thing").exchange().expectStatus().isNotFound(), true);
        assertSecurityHeaders(anonymous().get().uri("/api/v1/vendors").exchange().expectStatus().isUnauthorized(),
                true);
        assertSecurityHeaders(http.get().uri(TestPaths.FAILING).exchange().expectStatus().isEqualTo(500), true);
        assertSecurityHeaders(anonymous().get().uri("/actuator/health").exchange().expectStatus().isOk(), true);
        // Refused by the exchange firewall, before Spring Security's chain runs.
        assertSecurityHeaders(http.get().uri(java.net.URI.create(baseUrl() + "/api/v1;x/vendors")).exchange()
                .expectStatus().isBadRequest(), true);
        assertSecurityHeaders(anonymous().get().uri("/webjars/swagger-ui/index.html").exchange()
                .expectStatus().isOk(), false);
    }

    @Test
    void corsAnswersOnlyTheConfiguredOrigins() {
        anonymous().options().uri("/api/v1/vendors")
                .header(HttpHeaders.ORIGIN, "https://app.terp.test")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://app.terp.test");

        anonymous().options().uri("/api/v1/vendors")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "GET")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    private static void assertSecurityHeaders(WebTestClient.ResponseSpec response, boolean api) {
        response.expectHeader().valueEquals("Strict-Transport-Security", "max-age=31536000; includeSubDomains; preload")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Cross-Origin-Opener-Policy", "same-origin")
                .expectHeader().valueEquals("Cross-Origin-Resource-Policy", "same-origin")
                .expectHeader().value("Permissions-Policy", policy -> assertThat(policy)
                        .contains("camera=()", "geolocation=()", "microphone=()"))
                .expectHeader().value("Content-Security-Policy", policy -> {
                    assertThat(policy).contains("frame-ancestors 'none'");
                    if (api) {
                        assertThat(policy).isEqualTo("default-src 'none'; frame-ancestors 'none'");
                    }
                });
    }

    private WebTestClient anonymous() {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
    }
}
