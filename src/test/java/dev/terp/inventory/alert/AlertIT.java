package dev.terp.inventory.alert;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert generation (open, idempotent re-run, refresh, auto-resolve), acknowledge/resolve, list filters. */
@IntegrationTest
class AlertIT {

    private static final String PATH = "/api/v1/inventory/alerts";
    private static final AtomicLong USERS = new AtomicLong(7_700_000);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestTokens tokens;

    AlertFixtures fixtures;
    long warehouseId;
    String warehouse;

    @BeforeEach
    void setUp() {
        fixtures = new AlertFixtures(db);
        warehouseId = USERS.incrementAndGet();
        warehouse = "Bearer " + tokens.forUser(warehouseId, "alert-wh", Set.of(Role.WAREHOUSE));
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    /** Each run as a fresh user: generate is EXPENSIVE and draws from the strict per-user limit. */
    private Map<?, ?> generate() {
        String token = "Bearer " + tokens.forUser(USERS.incrementAndGet(), "alert-gen", Set.of(Role.WAREHOUSE));
        return http.post().uri(PATH + "/generate").header(HttpHeaders.AUTHORIZATION, token).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String query) {
        Map<?, ?> page = http.get().uri(PATH + "?" + query).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }

    private List<Map<String, Object>> alertsOf(long batchId) {
        return list("batchId=" + batchId + "&limit=200");
    }

    private static int count(Map<?, ?> result, String key) {
        return ((Number) result.get(key)).intValue();
    }

    @Test
    void generateOpensIsIdempotentRefreshesAndAutoResolves() {
        long low = fixtures.liveBatch("4", null);
        long expiring = fixtures.liveBatch("50", today().plusDays(10));
        long over = fixtures.batch("PHOTOGRAPHY_COMPLETE", "250", null, "FIXED", "1.00", null, null, "Alert Cat");
        long onHold = fixtures.batch("ON_HOLD", "3", today(), "FIXED", "1.00", null, null, "Alert Cat");
        long quiet = fixtures.liveBatch("50", today().plusDays(90));

        Map<?, ?> first = generate();
        assertThat(count(first, "opened")).isGreaterThanOrEqualTo(3);

        assertThat(alertsOf(low)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("type", "LOW_STOCK").containsEntry("severity", "HIGH")
                    .containsEntry("status", "ACTIVE").containsEntry("threshold", "10.0000")
                    .containsEntry("currentValue", "4.0000");
        });
        assertThat(alertsOf(expiring)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "EXPIRING").containsEntry("severity", "MEDIUM")
                .containsEntry("currentValue", "10.0000"));
        assertThat(alertsOf(over)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "OVERSTOCK").containsEntry("severity", "HIGH"));
        assertThat(alertsOf(onHold)).isEmpty();
        assertThat(alertsOf(quiet)).isEmpty();

        // Re-run: nothing new for these batches, no duplicates.
        Map<?, ?> second = generate();
        assertThat(count(second, "opened")).isZero();
        assertThat(count(second, "updated")).isZero();
        assertThat(alertsOf(low)).hasSize(1);
        assertThat(alertsOf(expiring)).hasSize(1);

        // Stock goes from 4 to 7: same alert, severity refreshed to MEDIUM.
        setOnHand(low, "7");
        Map<?, ?> third = generate();
        assertThat(count(third, "updated")).isGreaterThanOrEqualTo(1);
        assertThat(alertsOf(low)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("severity", "MEDIUM").containsEntry("currentValue", "7.0000"));

        // Adjusted up through the stock API above the threshold: auto-resolved, not deleted.
        http.post().uri("/api/v1/batches/{id}/adjustments", low).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "ABSOLUTE", "quantity", "40", "reason", "recount"))
                .exchange().expectStatus().is2xxSuccessful();
        Map<?, ?> fourth = generate();
        assertThat(count(fourth, "resolved")).isGreaterThanOrEqualTo(1);
        assertThat(alertsOf(low)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("status", "RESOLVED");
            assertThat(alert.get("resolvedAt")).isNotNull();
            assertThat((String) alert.get("resolution")).startsWith("Auto-resolved");
        });

        // Dropping low again opens a new alert next to the resolved one.
        setOnHand(low, "2");
        generate();
        assertThat(alertsOf(low)).extracting(alert -> alert.get("status")).containsExactly("RESOLVED", "ACTIVE");
    }

    @Test
    void acknowledgeAndResolve() {
        long batch = fixtures.liveBatch("3", null);
        generate();
        long id = ((Number) alertsOf(batch).get(0).get("id")).longValue();

        http.post().uri(PATH + "/{id}/acknowledge", id).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ACKNOWLEDGED")
                .jsonPath("$.acknowledgedBy").isEqualTo(warehouseId)
                .jsonPath("$.acknowledgedAt").isNotEmpty();
        http.post().uri(PATH + "/{id}/acknowledge", id).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION");

        // An acknowledged alert stays open: a re-run does not open a second one.
        generate();
        assertThat(alertsOf(batch)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("status", "ACKNOWLEDGED"));

        resolve(id, Map.of("resolution", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        resolve(id, Map.of("resolution", "x".repeat(1001))).expectStatus().isBadRequest();
        resolve(id, Map.of()).expectStatus().isBadRequest();
        resolve(id, Map.of("resolution", "ok", "status", "ACTIVE")).expectStatus().isBadRequest();

        resolve(id, Map.of("resolution", "Reordered from vendor")).expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("RESOLVED")
                .jsonPath("$.resolution").isEqualTo("Reordered from vendor")
                .jsonPath("$.resolvedAt").isNotEmpty();
        resolve(id, Map.of("resolution", "again")).expectStatus().isEqualTo(409);
        http.post().uri(PATH + "/{id}/acknowledge", id).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void unknownOrBadIdsAndPermissions() {
        http.post().uri(PATH + "/{id}/acknowledge", 987654321L).header(HttpHeaders.AUTHORIZATION, warehouse)
                .exchange().expectStatus().isNotFound().expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        resolve(987654321L, Map.of("resolution", "x")).expectStatus().isNotFound();
        http.post().uri(PATH + "/abc/acknowledge").header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isBadRequest();
        String viewer = "Bearer " + tokens.forRole(Role.VIEWER);
        http.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, viewer).exchange().expectStatus().isOk();
        http.post().uri(PATH + "/generate").header(HttpHeaders.AUTHORIZATION, viewer).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void listFilters() {
        long batch = fixtures.liveBatch("2", today().minusDays(1));
        generate();
        assertThat(alertsOf(batch)).extracting(alert -> alert.get("type"))
                .containsExactlyInAnyOrder("LOW_STOCK", "EXPIRING");
        assertThat(list("batchId=" + batch + "&type=expiring")).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("severity", "HIGH").containsEntry("currentValue", "-1.0000"));
        long lowId = ((Number) list("batchId=" + batch + "&type=LOW_STOCK").get(0).get("id")).longValue();
        resolve(lowId, Map.of("resolution", "done")).expectStatus().isOk();
        assertThat(list("batchId=" + batch + "&status=RESOLVED")).extracting(alert -> alert.get("type"))
                .containsExactly("LOW_STOCK");
        assertThat(list("batchId=" + batch + "&status=ACTIVE")).extracting(alert -> alert.get("type"))
                .containsExactly("EXPIRING");
        assertThat(list("status=ACTIVE&limit=200")).allSatisfy(alert -> assertThat(alert)
                .containsEntry("status", "ACTIVE"));

        // Keyset: one per page.
        Map<?, ?> page = http.get().uri(PATH + "?batchId=" + batch + "&limit=1")
                .header(HttpHeaders.AUTHORIZATION, warehouse).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) page.get("items")).hasSize(1);
        assertThat(page.get("nextCursor")).isNotNull();

        for (String bad : List.of("status=OPEN", "type=SLOW_MOVING", "batchId=0", "batchId=x", "limit=0")) {
            http.get().uri(PATH + "?" + bad).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
    }

    private WebTestClient.ResponseSpec resolve(long id, Map<String, ?> body) {
        return http.post().uri(PATH + "/{id}/resolve", id).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void setOnHand(long batchId, String onHand) {
        db.sql("UPDATE batches SET on_hand_qty = :qty WHERE id = :id")
                .bind("qty", new java.math.BigDecimal(onHand)).bind("id", batchId)
                .fetch().rowsUpdated().block();
    }
}
