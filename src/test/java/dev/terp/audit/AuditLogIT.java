package dev.terp.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class AuditLogIT {

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Test
    void pagesNewestFirstAndFiltersByActorAndTime() {
        Instant before = Instant.now().minusSeconds(1);
        long userA = createUser();
        long userB = createUser();
        long userC = createUser();

        Map<?, ?> first = http.get().uri(uri -> uri.path("/api/v1/audit-logs").queryParam("entity", "User")
                        .queryParam("from", before.toString()).queryParam("limit", 2).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        List<Map<?, ?>> items = (List<Map<?, ?>>) first.get("items");
        assertThat(items).extracting(item -> ((Number) item.get("entityId")).longValue()).containsExactly(userC, userB);

        Map<?, ?> second = http.get().uri(uri -> uri.path("/api/v1/audit-logs").queryParam("entity", "User")
                        .queryParam("from", before.toString()).queryParam("limit", 2)
                        .queryParam("cursor", first.get("nextCursor")).build())
                .exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<Map<?, ?>>) second.get("items")).extracting(item -> ((Number) item.get("entityId")).longValue())
                .startsWith(userA);

        http.get().uri(uri -> uri.path("/api/v1/audit-logs").queryParam("entity", "User")
                        .queryParam("to", before.toString()).queryParam("entityId", userA).build())
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/v1/audit-logs?entityId={id}", userA).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.items[0].after.username").exists()
                .jsonPath("$.items[0].ipAddress").isNotEmpty()
                .jsonPath("$.items[0].traceId").isNotEmpty();
    }

    @Test
    void badFiltersAreValidationErrors() {
        for (String query : List.of("entity=vendor;DROP", "entityId=abc", "actorId=-1", "from=yesterday",
                "from=2026-11-25T10:00:00Z&to=2026-11-25T09:00:00Z", "limit=500")) {
            http.get().uri("/api/v1/audit-logs?" + query).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void onlyRolesWithAuditAccessMayRead() {
        http.mutate().defaultHeaders(h -> h.setBearerAuth(tokens.forRole(Role.ACCOUNTANT))).build()
                .get().uri("/api/v1/audit-logs").exchange().expectStatus().isOk();
        http.mutate().defaultHeaders(h -> h.setBearerAuth(tokens.forRole(Role.VIEWER))).build()
                .get().uri("/api/v1/audit-logs").exchange().expectStatus().isForbidden();
    }

    private long createUser() {
        Map<?, ?> body = http.post().uri("/api/v1/users").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "audit-" + UUID.randomUUID().toString().substring(0, 8),
                        "password", "Sturdy-Passw0rd-2026", "displayName", "Audited", "roles", List.of("VIEWER")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) body.get("id")).longValue();
    }
}
