package dev.terp.platform.web;

import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, info, metrics and the API document that operators and client developers rely on (api-conventions §7). */
@IntegrationTest
class OperationsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Test
    void healthIsUpWithDatabaseAndRedisAndHasProbeGroups() {
        // The test client carries an administrator's token: the details are theirs to see.
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.redis.status").isEqualTo("UP");
        http.get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        http.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void onlyAnAdministratorSeesHealthDetailsAndTheProbesStayAnonymous() {
        WebTestClient anonymous = http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION))
                .build();
        WebTestClient viewer = http.mutate().defaultHeaders(headers -> headers.setBearerAuth(
                tokens.forRole(Role.VIEWER))).build();
        for (WebTestClient caller : new WebTestClient[] {anonymous, viewer}) {
            caller.get().uri("/actuator/health").exchange()
                    .expectStatus().isOk()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("UP")
                    .jsonPath("$.components").doesNotExist()
                    .jsonPath("$.details").doesNotExist();
            caller.get().uri("/actuator/health/db").exchange()
                    .expectStatus().value(status -> assertThat(status).isIn(200, 404))
                    .expectBody().jsonPath("$.details").doesNotExist();
        }
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            anonymous.get().uri(probe).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        }
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.components.diskSpace.details.path").exists()
                .jsonPath("$.components.db.details").exists();
    }

    @Test
    void infoNamesTheVersion() {
        http.get().uri("/actuator/info").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.build.version").isNotEmpty()
                .jsonPath("$.git.commit.id").isNotEmpty();
    }

    @Test
    void prometheusExportsPoolAndTransactionMetrics() {
        http.get().uri("/api/v1/vendors?limit=1").exchange().expectStatus().isOk();

        String metrics = http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(metrics).contains("r2dbc_pool_acquired_connections", "r2dbc_pool_pending_connections",
                "terp_tx_retries_total", "http_server_requests_seconds_count");
    }

    @Test
    void theApiDocumentDescribesEveryRouteWithItsProblems() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.1"))
                .jsonPath("$.paths['/api/v1/vendors'].get.operationId").isEqualTo("listVendors")
                .jsonPath("$.paths['/api/v1/users/{id}/unlock'].post.operationId").isEqualTo("unlockUserLogins")
                .jsonPath("$.paths['/api/v1/vendors'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/v1/vendors'].post.responses['400'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/vendors/{id}'].put.responses['409']").exists()
                .jsonPath("$.components.schemas.Problem").exists();
    }

    @Test
    void swaggerUiIsServed() {
        http.get().uri("/swagger-ui.html").exchange()
                .expectStatus().is3xxRedirection();
        http.get().uri("/webjars/swagger-ui/index.html").exchange()
                .expectStatus().isOk();
    }
}
