package dev.terp.platform.web;

import org.junit.jupiter.api.Test;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code MANAGEMENT_SERVER_PORT} set, health and prometheus are served on that port only (so the cluster can keep
 * them private) and behave there as on the main port: details for an administrator's token only, status for anyone
 * else, the security headers on every answer. The main port then answers 404 for them.
 */
@IntegrationTest
@TestPropertySource(properties = "management.server.port=0")
class ManagementPortIT {

    @Value("${local.server.port}")
    int port;

    @Value("${local.management.port}")
    int managementPort;

    @Autowired
    TestTokens tokens;

    @Test
    void healthAndPrometheusAreOnTheManagementPortAndNotOnTheMainPort() {
        assertThat(managementPort).isPositive().isNotEqualTo(port);
        WebTestClient management = client(managementPort);
        WebTestClient main = client(port);

        management.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Content-Type-Options")
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        management.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        management.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management.get().uri("/actuator/health").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.db.status").isEqualTo("UP");
        String metrics = management.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("jvm_memory_used_bytes");
        // Not the API: it is served where the API's limits and exposure are planned, the main port.
        management.get().uri("/api/v1/vendors").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("X-Content-Type-Options");
        management.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"admin\",\"password\":\"x\"}")
                .exchange().expectStatus().isNotFound();

        main.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        main.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        main.get().uri("/api/v1/vendors?limit=1").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                .exchange().expectStatus().isOk();
    }

    private static WebTestClient client(int port) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
    }
}
