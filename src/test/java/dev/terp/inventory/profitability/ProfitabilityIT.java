package dev.terp.inventory.profitability;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import dev.terp.inventory.alert.AlertFixtures;
import dev.terp.inventory.batch.ReservationPort;
import dev.terp.inventory.batch.StockReference;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
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
 * Profitability from the sale lines that ReservationPort.consume records. The database is shared by every IT, so
 * top and summary are checked on this test's batches and on deltas, never on absolute totals.
 */
@IntegrationTest
class ProfitabilityIT {

    private static final StockReference ORDER_LINE = StockReference.of("ORDER_LINE", 3L);
    private static final Actor CLERK = new Actor(42424L, "sales-sue", Set.of(Role.SALES));

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Autowired
    ReservationPort reservations;

    AlertFixtures fixtures;
    String category;

    @BeforeEach
    void fixtures() {
        fixtures = new AlertFixtures(db);
        category = Unique.name("Profit");
    }

    @SuppressWarnings("unchecked")
    @Test
    void reportsRealisedAndPotentialProfitOfFixedAndRangeBatches() {
        Map<String, Object> before = get("/api/v1/inventory/profitability/summary");
        // FIXED at 12.50: 3 × 200.00 + 2 × 250.00 = 1100.00 revenue, 5 × 12.50 = 62.50 cost, 5 left on hand.
        long fixed = fixtures.batch("LIVE", "10", null, "FIXED", "12.50", null, null, category);
        asClerk(reservations.reserve(fixed, new BigDecimal("3"), StockReference.of("Order", 1L)));
        asClerk(reservations.reserve(fixed, new BigDecimal("2"), StockReference.of("Order", 2L)));
        asClerk(reservations.consume(fixed, new BigDecimal("3"), new BigDecimal("200.00"),
                StockReference.of("Order", 1L)));
        asClerk(reservations.consume(fixed, new BigDecimal("2"), new BigDecimal("250"),
                StockReference.of("Order", 2L)));
        // RANGE 1.00..2.25: unit cost basis = midpoint 1.625 → 1.63 (HALF_UP, the one Rounding policy, as inventory
        // stats values it). 1.5 × 3.00 + 1.5 × 0.00 (given away) = 4.50 revenue, 3 × 1.63 = 4.89 cost, 1 on hand.
        long range = fixtures.batch("LIVE", "4", null, "RANGE", null, "1.00", "2.25", category);
        asClerk(reservations.reserve(range, new BigDecimal("3"), ORDER_LINE));
        asClerk(reservations.consume(range, new BigDecimal("1.5"), new BigDecimal("3.00"), ORDER_LINE));
        asClerk(reservations.consume(range, new BigDecimal("1.5"), BigDecimal.ZERO, ORDER_LINE));

        assertThat(saleRows(fixed)).containsExactly(
                List.of("3.0000", "200.00", "12.50", "Order", 1L, 42424L),
                List.of("2.0000", "250.00", "12.50", "Order", 2L, 42424L));
        assertThat(saleRows(range)).extracting(row -> row.subList(0, 3)).containsExactly(
                List.of("1.5000", "3.00", "1.63"), List.of("1.5000", "0.00", "1.63"));

        Map<String, Object> fixedView = get("/api/v1/batches/" + fixed + "/profitability");
        assertThat(fixedView).containsEntry("batchId", (int) fixed).containsEntry("soldQty", "5.0000")
                .containsEntry("revenue", "1100.00").containsEntry("cost", "62.50")
                .containsEntry("profit", "1037.50").containsEntry("marginPercent", "94.32")
                .containsEntry("averagePrice", "220.00").containsEntry("onHandQty", "5.0000")
                .containsEntry("potentialRevenue", "1100.00").containsEntry("potentialProfit", "1037.50");
        assertThat(fixedView.get("batchCode")).asString().startsWith("BCH-");

        assertThat(get("/api/v1/batches/" + range + "/profitability")).containsEntry("soldQty", "3.0000")
                .containsEntry("revenue", "4.50").containsEntry("cost", "4.89").containsEntry("profit", "-0.39")
                .containsEntry("marginPercent", "-8.67").containsEntry("averagePrice", "1.50")
                .containsEntry("onHandQty", "1.0000").containsEntry("potentialRevenue", "1.50")
                .containsEntry("potentialProfit", "-0.13");

        List<Map<String, Object>> top = (List<Map<String, Object>>) get(
                "/api/v1/inventory/profitability/top?limit=100").get("items");
        assertThat(top).filteredOn(item -> ((Number) item.get("batchId")).longValue() == fixed).singleElement()
                .isEqualTo(fixedView);
        List<BigDecimal> profits = top.stream().map(item -> new BigDecimal((String) item.get("profit"))).toList();
        assertThat(profits).isSortedAccordingTo((a, b) -> b.compareTo(a));
        List<Map<String, Object>> first = (List<Map<String, Object>>) get(
                "/api/v1/inventory/profitability/top?limit=1").get("items");
        assertThat(first).singleElement().satisfies(item -> assertThat(new BigDecimal((String) item.get("profit")))
                .isGreaterThanOrEqualTo(new BigDecimal("1037.50")));
        assertThat((List<?>) get("/api/v1/inventory/profitability/top").get("items")).hasSizeLessThanOrEqualTo(10)
                .isEqualTo(top.subList(0, Math.min(10, top.size())));

        Map<String, Object> after = get("/api/v1/inventory/profitability/summary");
        assertThat(((Number) after.get("batchCount")).longValue() - ((Number) before.get("batchCount")).longValue())
                .isEqualTo(2);
        assertThat(delta(before, after, "soldQty")).isEqualByComparingTo("8");
        assertThat(delta(before, after, "revenue")).isEqualByComparingTo("1104.50");
        assertThat(delta(before, after, "cost")).isEqualByComparingTo("67.39");
        assertThat(delta(before, after, "profit")).isEqualByComparingTo("1037.11");
        assertThat((String) after.get("marginPercent")).matches("-?\\d+\\.\\d{2}");
        assertThat((String) after.get("revenue")).matches("\\d+\\.\\d{2}");
        assertThat((String) after.get("soldQty")).matches("\\d+\\.\\d{4}");
    }

    @Test
    void aBatchWithoutSalesHasZeroSumsAndNoMarginPriceOrPotential() {
        long batch = fixtures.batch("LIVE", "7", null, "FIXED", "3.00", null, null, category);

        Map<String, Object> view = get("/api/v1/batches/" + batch + "/profitability");

        assertThat(view).containsEntry("soldQty", "0.0000").containsEntry("revenue", "0.00")
                .containsEntry("cost", "0.00").containsEntry("profit", "0.00").containsEntry("onHandQty", "7.0000")
                .containsEntry("marginPercent", null).containsEntry("averagePrice", null)
                .containsEntry("potentialRevenue", null).containsEntry("potentialProfit", null);
    }

    @Test
    void aConsumeThatFailsRecordsNoSale() {
        long batch = fixtures.batch("LIVE", "10", null, "FIXED", "12.50", null, null, category);
        asClerk(reservations.reserve(batch, new BigDecimal("2"), ORDER_LINE));

        assertThat(failureOf(() -> reservations.consume(batch, new BigDecimal("3"), new BigDecimal("20.00"),
                ORDER_LINE))).isInstanceOfSatisfying(ApiException.class,
                refused -> assertThat(refused.code()).isEqualTo(ErrorCode.RESERVATION_NOT_HELD));
        assertThat(failureOf(() -> reservations.consume(batch, new BigDecimal("1"), new BigDecimal("-0.01"),
                ORDER_LINE))).isInstanceOfSatisfying(ValidationException.class, invalid ->
                assertThat(invalid.violations()).extracting(v -> v.field()).containsExactly("unitPrice"));
        assertThat(failureOf(() -> reservations.consume(batch, new BigDecimal("1.00001"), new BigDecimal("1.005"),
                ORDER_LINE))).isInstanceOfSatisfying(ValidationException.class, invalid ->
                assertThat(invalid.violations()).extracting(v -> v.field()).containsExactly("quantity", "unitPrice"));

        assertThat(saleRows(batch)).isEmpty();
        assertThat(movementCount(batch)).isEqualTo(1);
        assertThat(quantity(batch, "reserved_qty")).isEqualByComparingTo("2");
        assertThat(quantity(batch, "on_hand_qty")).isEqualByComparingTo("10");
    }

    @Test
    void aSaleMovementCannotBeReversedSoRevenueAndStockNeverDisagree() {
        long batch = fixtures.batch("LIVE", "10", null, "FIXED", "12.50", null, null, category);
        asClerk(reservations.reserve(batch, new BigDecimal("2"), ORDER_LINE));
        asClerk(reservations.consume(batch, new BigDecimal("2"), new BigDecimal("20.00"), ORDER_LINE));
        long saleMovement = rows.value("SELECT MAX(id) AS id FROM inventory_movements WHERE batch_id = :id "
                        + "AND movement_type = 'SALE' AND bucket = 'ON_HAND'", Map.of("id", batch), Long.class);

        http.post().uri("/api/v1/inventory/movements/{id}/reverse", saleMovement)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "oops")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Sales cannot be reversed here; return the goods "
                        + "through their order instead");

        assertThat(saleRows(batch)).hasSize(1);
        assertThat(quantity(batch, "on_hand_qty")).isEqualByComparingTo("8");
        assertThat(movementCount(batch)).isEqualTo(3);
    }

    @Test
    void aBatchWithoutAKnownCostCannotBeSoldAndNothingIsWritten() {
        // A FIXED batch without unit_cogs: the stock change itself is allowed, the sale's cost is unknown.
        long batch = fixtures.batch("LIVE", "5", null, "FIXED", null, null, null, category);
        asClerk(reservations.reserve(batch, new BigDecimal("2"), ORDER_LINE));

        assertThat(failureOf(() -> reservations.consume(batch, BigDecimal.ONE, new BigDecimal("9.99"),
                ORDER_LINE))).isInstanceOf(ConflictException.class).hasMessageContaining("COGS");

        assertThat(saleRows(batch)).isEmpty();
        assertThat(movementCount(batch)).isEqualTo(1);
        assertThat(quantity(batch, "reserved_qty")).isEqualByComparingTo("2");
        assertThat(quantity(batch, "on_hand_qty")).isEqualByComparingTo("5");
    }

    @Test
    void refusesBadLimitsAndUnknownBatches() {
        for (String limit : List.of("0", "101", "abc", "-1", "")) {
            http.get().uri("/api/v1/inventory/profitability/top?limit={limit}", limit).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("limit");
        }
        http.get().uri("/api/v1/inventory/profitability/top?limit=100").exchange().expectStatus().isOk();
        http.get().uri("/api/v1/batches/{id}/profitability", Long.MAX_VALUE).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/batches/abc/profitability").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void everyRoleThatReadsInventoryMaySeeProfitabilityAndAnonymousMayNot() {
        long batch = fixtures.batch("LIVE", "1", null, "FIXED", "1.00", null, null, category);
        for (Role role : Role.values()) {
            for (String path : List.of("/api/v1/batches/" + batch + "/profitability",
                    "/api/v1/inventory/profitability/top", "/api/v1/inventory/profitability/summary")) {
                http.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(role)).exchange()
                        .expectStatus().isOk();
            }
        }
        http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
                .get().uri("/api/v1/inventory/profitability/summary").exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.code").isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void theOpenApiDocumentDescribesTheProfitabilityEndpoints() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/batches/{id}/profitability'].get.operationId")
                .isEqualTo("getBatchProfitability")
                .jsonPath("$.paths['/api/v1/inventory/profitability/top'].get.parameters[?(@.name == 'limit')]")
                .exists()
                .jsonPath("$.paths['/api/v1/inventory/profitability/summary'].get.operationId")
                .isEqualTo("getProfitabilitySummary")
                .jsonPath("$.components.schemas.BatchProfitability.properties.potentialProfit").exists()
                .jsonPath("$.components.schemas.ProfitabilityRanking.properties.items").exists()
                .jsonPath("$.components.schemas.ProfitabilitySummary.properties.batchCount").exists();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Runs a port call as the clerk, as the sales module would; it must answer one value. */
    private void asClerk(Mono<?> call) {
        call.contextWrite(clerk()).as(StepVerifier::create).expectNextCount(1).verifyComplete();
    }

    /**
     * The error a port call as the clerk ends with (it must end with one). Deferred: the port checks its arguments
     * before it builds the Mono.
     */
    private Throwable failureOf(Supplier<Mono<?>> call) {
        AtomicReference<Throwable> error = new AtomicReference<>();
        Mono.defer(call).contextWrite(clerk()).as(StepVerifier::create).consumeErrorWith(error::set).verify();
        return error.get();
    }

    private static Context clerk() {
        return Context.of(RequestContext.class, new RequestContext(CLERK, null, null, null));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static BigDecimal delta(Map<String, Object> before, Map<String, Object> after, String field) {
        return new BigDecimal((String) after.get(field)).subtract(new BigDecimal((String) before.get(field)));
    }

    private List<List<Object>> saleRows(long batchId) {
        return rows.list("SELECT quantity, unit_price, unit_cost, reference_type, reference_id, sold_by "
                        + "FROM batch_sales "
                        + "WHERE batch_id = :id ORDER BY id",
                                Map.of("id", batchId),
                                        row -> List.<Object>of(row.get("quantity", BigDecimal.class).toPlainString(),
                        row.get("unit_price", BigDecimal.class).toPlainString(),
                        row.get("unit_cost", BigDecimal.class).toPlainString(),
                        String.valueOf(row.get("reference_type", String.class)),
                        row.get("reference_id", Long.class) == null ? -1L : row.get("reference_id", Long.class),
                        row.get("sold_by", Long.class)));
    }

    private long movementCount(long batchId) {
        return rows.count("SELECT COUNT(*) AS n FROM inventory_movements WHERE batch_id = :id", Map.of("id", batchId));
    }

    private BigDecimal quantity(long batchId, String column) {
        String sql = "reserved_qty".equals(column)
                ? "SELECT reserved_qty AS q FROM batches WHERE id = :id"
                : "SELECT on_hand_qty AS q FROM batches WHERE id = :id";
        return rows.value(sql, Map.of("id", batchId), BigDecimal.class);
    }
}
