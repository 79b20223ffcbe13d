package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import dev.terp.support.TestBatch;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Movements by reference (TERP getByReference) and a batch's on-hand summary by movement type (getSummary). */
@IntegrationTest
class MovementQueryIT {

    private static final String MOVEMENTS = "/api/v1/inventory/movements";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    ReservationPort reservations;

    InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(db);
        // The first requests of a fresh JVM on a busy machine can take longer than the default 5 s.
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    /** A reference id no other test uses: the database is shared. */
    private static long uniqueReferenceId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 1_000_000_000_000L);
    }

    // ---- by reference --------------------------------------------------------------------------------------------

    @Test
    void movementsByReferenceSpanBatchesNewestFirstAndPage() {
        TestBatch first = fixtures.batch("LIVE", "10");
        TestBatch second = fixtures.batch("LIVE", "10");
        long order = uniqueReferenceId();
        reserve(first.id(), "2", order);
        reserve(second.id(), "3", order);
        reserve(first.id(), "1", order + 1);

        List<Map<String, Object>> all = items(get(MOVEMENTS + "?referenceType=MANUAL&referenceId=" + order));
        assertThat(all).extracting(movement -> ((Number) movement.get("batchId")).longValue())
                .containsExactly(second.id(), first.id());
        assertThat(all).extracting(movement -> movement.get("quantityChange")).containsExactly("3.0000", "2.0000");
        assertThat(all).allSatisfy(movement -> assertThat(movement).containsEntry("referenceType", "MANUAL")
                .containsEntry("movementType", "RESERVATION").containsEntry("bucket", "RESERVED"));
        assertThat(all).extracting(movement -> ((Number) movement.get("referenceId")).longValue()).containsOnly(order);

        Map<?, ?> page = get(MOVEMENTS + "?referenceType=MANUAL&referenceId=" + order + "&limit=1");
        assertThat(items(page)).extracting(movement -> ((Number) movement.get("batchId")).longValue())
                .containsExactly(second.id());
        Map<?, ?> next = get(MOVEMENTS + "?referenceType=MANUAL&referenceId=" + order + "&limit=1&cursor="
                + page.get("nextCursor"));
        assertThat(items(next)).extracting(movement -> ((Number) movement.get("batchId")).longValue())
                .containsExactly(first.id());
        assertThat(next.get("nextCursor")).isNull();

        // A reference nothing points at is an empty page, not a 404: references belong to other modules.
        assertThat(items(get(MOVEMENTS + "?referenceType=MANUAL&referenceId=" + uniqueReferenceId()))).isEmpty();
        assertThat(items(get(MOVEMENTS + "?referenceType=ORDER_LINE&referenceId=" + order))).isEmpty();
        // The batch filter still works as before.
        assertThat(items(get(MOVEMENTS + "?batchId=" + first.id()))).hasSize(2);
    }

    @Test
    void exactlyOneFilterIsRequiredAndBothHalvesOfAReference() {
        badRequest("", "batchId");
        badRequest("?batchId=", "batchId");
        badRequest("?referenceId=5", "referenceType");
        badRequest("?referenceType=Order", "referenceId");
        badRequest("?referenceType=&referenceId=5", "referenceType");
        badRequest("?batchId=1&referenceType=Order&referenceId=5", "batchId");
        badRequest("?batchId=1&referenceId=5", "batchId", "referenceType");
        badRequest("?referenceType=Order&referenceId=0", "referenceId");
        badRequest("?referenceType=Order&referenceId=x", "referenceId");
        badRequest("?referenceType=" + "x".repeat(51) + "&referenceId=5", "referenceType");
        badRequest("?referenceType=Order&referenceId=5&limit=0", "limit");
        http.get().uri(MOVEMENTS + "?referenceType=" + "x".repeat(50) + "&referenceId=5").exchange()
                .expectStatus().isOk();
    }

    // ---- summary -------------------------------------------------------------------------------------------------

    @Test
    void movementSummaryTotalsTheOnHandChangePerTypeAndMatchesOnHand() {
        TestBatch batch = fixtures.batch("LIVE", "0");
        post(batch.id(), "adjustments", Map.of("mode", "ABSOLUTE", "quantity", "20", "reason", "counted",
                "version", fixtures.version(batch.id())));
        post(batch.id(), "samples", Map.of("quantity", "3", "reason", "for the show"));
        post(batch.id(), "samples/return", Map.of("quantity", "1", "reason", "unused"));
        post(batch.id(), "disposals", Map.of("quantity", "2", "reason", "mould"));
        post(batch.id(), "quarantine", Map.of("quantity", "4", "reason", "lab test"));
        StockReference holder = StockReference.of("ORDER_LINE", uniqueReferenceId());
        // A sale as the sales module records it through the port, on both buckets.
        reservations.reserve(batch.id(), new BigDecimal("5"), holder)
                .then(reservations.consume(batch.id(), new BigDecimal("4"), new BigDecimal("30.00"), holder))
                .contextWrite(admin())
                .as(StepVerifier::create)
                .expectNextCount(1)
                .verifyComplete();
        // On-hand 12, placed at one location, then 5 moved to another: location rows, on-hand unchanged.
        long from = fixtures.location();
        long to = fixtures.location();
        fixtures.place(batch.id(), from, "12");
        post(batch.id(), "transfers", Map.of("fromLocationId", from, "toLocationId", to, "quantity", "5"));

        Map<?, ?> summary = get("/api/v1/batches/" + batch.id() + "/movement-summary");
        assertThat(((Number) summary.get("batchId")).longValue()).isEqualTo(batch.id());
        assertThat(summary.get("onHandQty")).isEqualTo("12.0000");
        assertThat(summary.get("totalChange")).isEqualTo("12.0000");
        assertThat(rows(summary)).containsExactly(
                List.of("SALE", "-4.0000", 1L),
                List.of("ADJUSTMENT", "20.0000", 1L),
                List.of("DISPOSAL", "-2.0000", 1L),
                List.of("SAMPLE", "-2.0000", 2L));
    }

    @Test
    void movementSummaryOfABatchWithoutMovementsIsEmptyAndUnknownBatchesAreNotFound() {
        TestBatch batch = fixtures.batch("AWAITING_INTAKE", "7");
        Map<?, ?> summary = get("/api/v1/batches/" + batch.id() + "/movement-summary");
        assertThat(summary.get("onHandQty")).isEqualTo("7.0000");
        assertThat(summary.get("totalChange")).isEqualTo("0.0000");
        assertThat((List<?>) summary.get("byType")).isEmpty();

        http.get().uri("/api/v1/batches/987654321/movement-summary").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        for (String bad : List.of("0", "-1", "x")) {
            http.get().uri("/api/v1/batches/" + bad + "/movement-summary").exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        }
    }

    @Test
    void theOpenApiDocumentDescribesBothQueries() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/inventory/movements'].get.parameters[?(@.name == 'referenceType')]")
                .exists()
                .jsonPath("$.paths['/api/v1/inventory/movements'].get.parameters[?(@.name == 'referenceId')]")
                .exists()
                .jsonPath("$.paths['/api/v1/inventory/movements'].get.responses['400']").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}/movement-summary'].get.operationId")
                .isEqualTo("summariseBatchMovements")
                .jsonPath("$.paths['/api/v1/batches/{id}/movement-summary'].get.responses['404']").exists()
                .jsonPath("$.components.schemas.BatchMovementSummary.properties.onHandQty").exists()
                .jsonPath("$.components.schemas.BatchMovementTypeTotal.properties.quantityChange").exists();
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private Map<?, ?> get(String uri) {
        return http.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Map<?, ?> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @SuppressWarnings("unchecked")
    private static List<List<Object>> rows(Map<?, ?> summary) {
        return ((List<Map<String, Object>>) summary.get("byType")).stream()
                .map(row -> List.<Object>of(row.get("movementType"), row.get("quantityChange"),
                        ((Number) row.get("movements")).longValue()))
                .toList();
    }

    private void badRequest(String query, String... fields) {
        http.get().uri(MOVEMENTS + query).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[*].field").value(found -> assertThat(((List<?>) found).stream().map(String::valueOf).toList())
                        .as(query).containsExactlyInAnyOrder(fields));
    }

    private void reserve(long batchId, String quantity, long manualHolderId) {
        post(batchId, "reservations", Map.of("quantity", quantity, "holderType", "MANUAL",
                "holderId", manualHolderId));
    }

    private static Context admin() {
        return Context.of(RequestContext.class, new RequestContext(
                new Actor(1L, "admin", Set.of(Role.ADMIN)), null, null, null));
    }

    private void post(long batchId, String path, Map<String, ?> body) {
        http.post().uri("/api/v1/batches/{id}/" + path, batchId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isOk();
    }
}
