package dev.terp.inventory.alert;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alert generation (open, idempotent re-run, refresh, auto-resolve), expiry and slow-moving rules end to end, the
 * summary, acknowledge/resolve, list filters.
 */
@IntegrationTest
class AlertIT {

    private static final String PATH = "/api/v1/inventory/alerts";
    private static final AtomicLong USERS = new AtomicLong(7_700_000);

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

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

        // Adjusted up through the stock API above the threshold: auto-resolved, not deleted. A count carries the
        // version of the batch it was taken at.
        String counted = http.get().uri("/api/v1/batches/{id}", low).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseHeaders().getETag();
        http.post().uri("/api/v1/batches/{id}/adjustments", low).header(HttpHeaders.AUTHORIZATION, warehouse)
                .header(HttpHeaders.IF_MATCH, counted)
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

        assertThat(list("batchId=" + batch + "&type=slow_moving")).isEmpty();
        for (String bad : List.of("status=OPEN", "type=STALE", "batchId=0", "batchId=x", "limit=0")) {
            http.get().uri(PATH + "?" + bad).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void batchExpirationAlertsFollowTheDaysLeftAndResolveWhenTheDateMovesOut() {
        String category = Unique.name("Expiry Cat");
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        long expired = receiveLive(category, today().minusDays(1));
        long expiresToday = receiveLive(category, today());
        long inFive = receiveLive(category, today().plusDays(5));
        long inTwenty = receiveLive(category, today().plusDays(20));
        long inSixty = receiveLive(category, today().plusDays(60));

        generate();
        assertThat(alertsOf(expired)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("type", "EXPIRING").containsEntry("severity", "HIGH")
                    .containsEntry("status", "ACTIVE").containsEntry("threshold", "30.0000")
                    .containsEntry("currentValue", "-1.0000");
            assertThat((String) alert.get("message")).startsWith("Expired on");
        });
        assertThat(alertsOf(expiresToday)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "EXPIRING").containsEntry("severity", "HIGH")
                .containsEntry("currentValue", "0.0000"));
        assertThat(alertsOf(inFive)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "EXPIRING").containsEntry("severity", "HIGH")
                .containsEntry("currentValue", "5.0000"));
        assertThat(alertsOf(inTwenty)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "EXPIRING").containsEntry("severity", "LOW")
                .containsEntry("currentValue", "20.0000"));
        assertThat(alertsOf(inSixty)).isEmpty();

        // Expiry dates corrected: out of the window → auto-resolved; closer → same alert, new severity.
        correctExpiry(expired, today().plusDays(60));
        correctExpiry(inFive, today().plusDays(31));
        correctExpiry(inTwenty, today().plusDays(10));
        Map<?, ?> rerun = generate();
        assertThat(count(rerun, "resolved")).isGreaterThanOrEqualTo(2);
        for (long moved : List.of(expired, inFive)) {
            assertThat(alertsOf(moved)).singleElement().satisfies(alert -> {
                assertThat(alert).containsEntry("status", "RESOLVED");
                assertThat((String) alert.get("resolution")).startsWith("Auto-resolved");
            });
        }
        assertThat(alertsOf(inTwenty)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("status", "ACTIVE").containsEntry("severity", "MEDIUM")
                .containsEntry("currentValue", "10.0000"));
        assertThat(alertsOf(expiresToday)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("status", "ACTIVE").containsEntry("severity", "HIGH"));
        assertThat(alertsOf(inSixty)).isEmpty();
    }

    @Test
    void slowMovingWhenNothingWasSoldForNinetyDaysAndResolvedByASale() {
        long stale = fixtures.liveBatch("50", null);
        fixtures.backdate(stale, 200);
        fixtures.sale(stale, 100);
        long soldRecently = fixtures.liveBatch("50", null);
        fixtures.backdate(soldRecently, 200);
        fixtures.sale(soldRecently, 10);
        long young = fixtures.liveBatch("50", null);
        long neverSold = fixtures.liveBatch("50", null);
        fixtures.backdate(neverSold, 120);
        long empty = fixtures.liveBatch("0", null);
        fixtures.backdate(empty, 200);
        long onHold = fixtures.batch("ON_HOLD", "50", null, "FIXED", "1.00", null, null, "Alert Cat");
        fixtures.backdate(onHold, 200);
        // Waited 150 days awaiting intake, received 10 days ago: its stock is young.
        long receivedLate = fixtures.liveBatch("50", null);
        fixtures.backdate(receivedLate, 150);
        fixtures.intake(receivedLate, 10);
        // Received 95 days ago, never sold.
        long receivedLongAgo = fixtures.liveBatch("50", null);
        fixtures.intake(receivedLongAgo, 95);

        generate();
        assertThat(alertsOf(stale)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("type", "SLOW_MOVING").containsEntry("severity", "MEDIUM")
                    .containsEntry("status", "ACTIVE").containsEntry("threshold", "90.0000")
                    .containsEntry("currentValue", "100.0000");
            assertThat((String) alert.get("message")).startsWith("No sale for 100 days");
        });
        assertThat(alertsOf(soldRecently)).isEmpty();
        assertThat(alertsOf(young)).isEmpty();
        assertThat(alertsOf(receivedLate)).isEmpty();
        assertThat(alertsOf(receivedLongAgo)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("type", "SLOW_MOVING").containsEntry("currentValue", "95.0000"));
        assertThat(alertsOf(neverSold)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("type", "SLOW_MOVING").containsEntry("currentValue", "120.0000");
            assertThat((String) alert.get("message")).startsWith("Never sold");
        });
        assertThat(alertsOf(empty)).isEmpty();
        assertThat(alertsOf(onHold)).isEmpty();
        assertThat(list("batchId=" + stale + "&type=SLOW_MOVING")).hasSize(1);

        // A sale today: the next run resolves the alert.
        fixtures.sale(stale, 0);
        Map<?, ?> rerun = generate();
        assertThat(count(rerun, "resolved")).isGreaterThanOrEqualTo(1);
        assertThat(alertsOf(stale)).singleElement().satisfies(alert -> {
            assertThat(alert).containsEntry("type", "SLOW_MOVING").containsEntry("status", "RESOLVED");
            assertThat((String) alert.get("resolution")).startsWith("Auto-resolved");
        });
        assertThat(alertsOf(neverSold)).singleElement().satisfies(alert -> assertThat(alert)
                .containsEntry("status", "ACTIVE"));
    }

    @Test
    void summaryCountsOpenAlertsByStatusTypeAndSeverity() {
        // Settle every other test's batches first, so the run below changes only this test's alerts.
        generate();
        Summary before = summary();
        long low = fixtures.liveBatch("4", null);                     // LOW_STOCK HIGH
        long over = fixtures.liveBatch("160", null);                  // OVERSTOCK MEDIUM
        long both = fixtures.liveBatch("9", today().plusDays(3));     // LOW_STOCK LOW, EXPIRING HIGH
        long slow = fixtures.liveBatch("50", null);                   // SLOW_MOVING MEDIUM
        fixtures.backdate(slow, 120);
        generate();
        assertThat(alertsOf(over)).hasSize(1);
        assertThat(alertsOf(both)).hasSize(2);
        assertThat(alertsOf(slow)).hasSize(1);
        long lowAlert = ((Number) alertsOf(low).get(0).get("id")).longValue();
        http.post().uri(PATH + "/{id}/acknowledge", lowAlert).header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isOk();

        Summary after = summary();
        assertThat(after.delta(before, "active")).isEqualTo(4);
        assertThat(after.delta(before, "acknowledged")).isEqualTo(1);
        assertThat(after.delta(before, "total")).isEqualTo(5);
        assertThat(after.typeDelta(before, "LOW_STOCK")).containsExactly(1L, 1L, 2L);
        assertThat(after.typeDelta(before, "OVERSTOCK")).containsExactly(1L, 0L, 1L);
        assertThat(after.typeDelta(before, "EXPIRING")).containsExactly(1L, 0L, 1L);
        assertThat(after.typeDelta(before, "SLOW_MOVING")).containsExactly(1L, 0L, 1L);
        assertThat(after.severityDelta(before, "HIGH")).containsExactly(1L, 1L, 2L);
        assertThat(after.severityDelta(before, "MEDIUM")).containsExactly(2L, 0L, 2L);
        assertThat(after.severityDelta(before, "LOW")).containsExactly(1L, 0L, 1L);

        // Every type and severity is listed, the parts add up, and the totals are the table's.
        assertThat(after.byType()).extracting(row -> row.get("type"))
                .containsExactly("LOW_STOCK", "OVERSTOCK", "EXPIRING", "SLOW_MOVING");
        assertThat(after.bySeverity()).extracting(row -> row.get("severity")).containsExactly("HIGH", "MEDIUM", "LOW");
        for (String key : List.of("active", "acknowledged", "total")) {
            assertThat(after.byType().stream().mapToLong(row -> number(row, key)).sum()).isEqualTo(after.get(key));
            assertThat(after.bySeverity().stream().mapToLong(row -> number(row, key)).sum())
                    .isEqualTo(after.get(key));
        }
        assertThat(after.get("active")).isEqualTo(countInTable("ACTIVE"));
        assertThat(after.get("acknowledged")).isEqualTo(countInTable("ACKNOWLEDGED"));

        // Resolving closes it: it leaves the summary.
        resolve(lowAlert, Map.of("resolution", "reordered")).expectStatus().isOk();
        assertThat(summary().typeDelta(before, "LOW_STOCK")).containsExactly(1L, 0L, 1L);

        http.get().uri(PATH + "/summary").header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.VIEWER))
                .exchange().expectStatus().isOk();
    }

    @Test
    void theOpenApiDocumentDescribesTheSummaryAndSlowMovingAlerts() {
        // The document is slow to build the first time.
        http.mutate().responseTimeout(Duration.ofSeconds(60)).build()
                .get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/inventory/alerts/summary'].get.operationId")
                .isEqualTo("summariseInventoryAlerts")
                .jsonPath("$.paths['/api/v1/inventory/alerts/summary'].get.security").exists()
                .jsonPath("$.components.schemas.InventoryAlertSummary.properties.byType").exists()
                .jsonPath("$.components.schemas.InventoryAlertTypeCount.properties.acknowledged").exists();
    }

    /** A summary response with helpers for deltas: [active, acknowledged, total]. */
    private record Summary(Map<String, Object> body) {

        long get(String key) {
            return number(body, key);
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byType() {
            return (List<Map<String, Object>>) body.get("byType");
        }

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> bySeverity() {
            return (List<Map<String, Object>>) body.get("bySeverity");
        }

        long delta(Summary before, String key) {
            return get(key) - before.get(key);
        }

        List<Long> typeDelta(Summary before, String type) {
            return rowDelta(byType(), before.byType(), "type", type);
        }

        List<Long> severityDelta(Summary before, String severity) {
            return rowDelta(bySeverity(), before.bySeverity(), "severity", severity);
        }

        private static List<Long> rowDelta(List<Map<String, Object>> now, List<Map<String, Object>> then,
                String keyName, String key) {
            Map<String, Object> a = now.stream().filter(row -> key.equals(row.get(keyName))).findFirst().orElseThrow();
            Map<String, Object> b = then.stream().filter(row -> key.equals(row.get(keyName))).findFirst().orElseThrow();
            return List.of("active", "acknowledged", "total").stream()
                    .map(field -> number(a, field) - number(b, field)).toList();
        }
    }

    private static long number(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    @SuppressWarnings("unchecked")
    private Summary summary() {
        return new Summary(http.get().uri(PATH + "/summary").header(HttpHeaders.AUTHORIZATION, warehouse).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody());
    }

    private long countInTable(String status) {
        return rows.count("SELECT COUNT(*) AS n FROM inventory_alerts WHERE status = :status",
                Map.of("status", status));
    }

    /** Received through the intake API with the expiration date, then put LIVE through the status API. */
    private long receiveLive(String category, LocalDate expiration) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", "Expiry Vendor " + tag);
        body.put("brandName", "Expiry Brand " + tag);
        body.put("productName", "Expiry Product " + tag);
        body.put("category", category);
        body.put("quantity", "50");
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "2.50");
        body.put("paymentTerms", "COD");
        body.put("location", Map.of("site", "Expiry Site " + tag));
        body.put("expirationDate", expiration.toString());
        Map<?, ?> batch = http.post().uri("/api/v1/inventory/intake").header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) batch.get("id")).longValue();
        assertThat(batch.get("expirationDate")).isEqualTo(expiration.toString());
        http.post().uri("/api/v1/batches/{id}/status", id).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "LIVE", "reason", "checked in"))
                .exchange().expectStatus().isOk();
        return id;
    }

    private void correctExpiry(long batchId, LocalDate expiration) {
        String version = http.get().uri("/api/v1/batches/{id}", batchId).exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();
        http.put().uri("/api/v1/batches/{id}/details", batchId).header(HttpHeaders.AUTHORIZATION, warehouse)
                .header(HttpHeaders.IF_MATCH, version)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("expirationDate", expiration.toString()))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.expirationDate").isEqualTo(expiration.toString());
    }

    private WebTestClient.ResponseSpec resolve(long id, Map<String, ?> body) {
        return http.post().uri(PATH + "/{id}/resolve", id).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private void setOnHand(long batchId, String onHand) {
        rows.update("UPDATE batches SET on_hand_qty = :qty WHERE id = :id",
                Map.of("qty", new java.math.BigDecimal(onHand), "id", batchId));
    }
}
