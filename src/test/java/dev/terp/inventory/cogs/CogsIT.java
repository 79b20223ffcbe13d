package dev.terp.inventory.cogs;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.inventory.cogs.CogsFixtures.AuditRow;
import dev.terp.inventory.cogs.CogsFixtures.CogsRow;
import dev.terp.inventory.cogs.CogsFixtures.CorrectionRow;
import dev.terp.inventory.cogs.CogsFixtures.HistoryRow;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;

/** Batch COGS over HTTP (domain §4.3, D-16): read, impact preview, optimistic change with history and audit. */
@IntegrationTest
class CogsIT {

    private static final String PATH = "/api/v1/batches/{id}/cogs";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestTokens tokens;

    CogsFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CogsFixtures(db);
    }

    // ---- GET ----------------------------------------------------------------------------------------------------

    @Test
    void readsFixedAndRangeSettingsWithTheirCostBasis() {
        long fixed = fixtures.fixedBatch("12.5");
        http.get().uri(PATH, fixed).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.cogsMode").isEqualTo("FIXED")
                .jsonPath("$.unitCogs").isEqualTo("12.50")
                .jsonPath("$.unitCogsMin").isEmpty()
                .jsonPath("$.unitCogsMax").isEmpty()
                .jsonPath("$.unitCostBasis").isEqualTo("12.50");

        long range = fixtures.rangeBatch("10.00", "10.01");
        http.get().uri(PATH, range).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.cogsMode").isEqualTo("RANGE")
                .jsonPath("$.unitCogs").isEmpty()
                .jsonPath("$.unitCogsMin").isEqualTo("10.00")
                .jsonPath("$.unitCogsMax").isEqualTo("10.01")
                // midpoint 10.005, HALF_UP (the one Rounding policy)
                .jsonPath("$.unitCostBasis").isEqualTo("10.01");

        http.get().uri(PATH, 987654321L).exchange().expectStatus().isNotFound();
    }

    // ---- impact preview ------------------------------------------------------------------------------------------

    @Test
    void impactPreviewUsesSaleMovementsAndWritesNothing() {
        long batch = fixtures.fixedBatch("10.00");
        fixtures.sale(batch, "3");
        fixtures.sale(batch, "2.5");
        fixtures.movement(batch, "ADJUSTMENT", "ON_HAND", new BigDecimal("-4"));

        impact(batch, Map.of("newUnitCogs", "12.00"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.oldUnitCostBasis").isEqualTo("10.00")
                .jsonPath("$.newUnitCostBasis").isEqualTo("12.00")
                .jsonPath("$.perUnitChange").isEqualTo("2.00")
                .jsonPath("$.quantitySold").isEqualTo("5.5000")
                .jsonPath("$.profitImpact").isEqualTo("-11.00");

        long range = fixtures.rangeBatch("8.00", "12.00");
        impact(range, Map.of("newUnitCogsMin", "7", "newUnitCogsMax", "9"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.oldUnitCostBasis").isEqualTo("10.00")
                .jsonPath("$.newUnitCostBasis").isEqualTo("8.00")
                .jsonPath("$.perUnitChange").isEqualTo("-2.00")
                .jsonPath("$.quantitySold").isEqualTo("0.0000")
                .jsonPath("$.profitImpact").isEqualTo("0.00");

        assertUnchanged(batch, new CogsRow("FIXED", new BigDecimal("10.00"), null, null, 0));
        assertUnchanged(range, new CogsRow("RANGE", null, new BigDecimal("8.00"), new BigDecimal("12.00"), 0));
    }

    @Test
    void impactPreviewRefusesBadInput() {
        long range = fixtures.rangeBatch("8.00", "12.00");
        impact(range, Map.of("newUnitCogsMin", "12", "newUnitCogsMax", "8"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("newUnitCogsMax");
        impact(range, Map.of("newUnitCogs", "9")).expectStatus().isBadRequest();
        long fixed = fixtures.fixedBatch("10.00");
        impact(fixed, Map.of("newUnitCogs", "1.001")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newUnitCogs");
        impact(fixed, Map.of("newUnitCogs", "-1")).expectStatus().isBadRequest();
        impact(fixed, Map.of("newUnitCogs", "1", "extra", "x")).expectStatus().isBadRequest();
        impact(987654321L, Map.of("newUnitCogs", "1")).expectStatus().isNotFound();
    }

    // ---- PUT --------------------------------------------------------------------------------------------------------

    @Test
    void changingAFixedCostWritesBatchHistoryAndAuditWithTheTokensUser() {
        long batch = fixtures.fixedBatch("10.00");
        fixtures.sale(batch, "3");
        fixtures.sale(batch, "2");
        String warehouse = "Bearer " + tokens.forUser(424242L, "warehouse-cogs", Set.of(Role.WAREHOUSE));

        http.put().uri(PATH, batch).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newUnitCogs", "14.25", "applyTo", "BOTH", "reason", "Vendor invoice corrected",
                        "version", 0))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.unitCogs").isEqualTo("14.25")
                .jsonPath("$.unitCostBasis").isEqualTo("14.25");

        assertThat(fixtures.cogs(batch)).isEqualTo(new CogsRow("FIXED", new BigDecimal("14.25"), null, null, 1));
        // Recorded sales keep their cost; the change is a correction per sale.
        assertThat(fixtures.saleCosts(batch)).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(fixtures.corrections(batch)).extracting(CorrectionRow::amount)
                .containsExactly(new BigDecimal("12.75"), new BigDecimal("8.50"));
        assertThat(fixtures.history(batch)).containsExactly(new HistoryRow(new BigDecimal("10.00"),
                new BigDecimal("14.25"), null, null, null, null, "BOTH", "Vendor invoice corrected", 2, 424242L));
        List<AuditRow> audits = fixtures.audits(batch);
        assertThat(audits).hasSize(1);
        assertThat(audits.get(0).action()).isEqualTo("COGS_CHANGED");
        assertThat(audits.get(0).actorId()).isEqualTo(424242L);
        assertThat(audits.get(0).before()).contains("10.00");
        assertThat(audits.get(0).after()).contains("14.25");

        // FUTURE_SALES via If-Match: prospective, no sales affected.
        http.put().uri(PATH, batch).header("If-Match", "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newUnitCogs", "15", "applyTo", "FUTURE_SALES", "reason", "New contract"))
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"2\"");
        assertThat(fixtures.saleCosts(batch)).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(fixtures.corrections(batch)).hasSize(2);
        // PAST_SALES: retroactive.
        put(batch, Map.of("newUnitCogs", "0", "applyTo", "PAST_SALES", "reason", "Donated", "version", 2))
                .expectStatus().isOk();
        assertThat(fixtures.history(batch)).extracting(HistoryRow::changeType, HistoryRow::affectedSales)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BOTH", 2),
                        org.assertj.core.groups.Tuple.tuple("PROSPECTIVE", 0),
                        org.assertj.core.groups.Tuple.tuple("RETROACTIVE", 2));
        assertThat(fixtures.cogs(batch).unitCogs()).isEqualByComparingTo("0");
        assertThat(fixtures.saleCosts(batch)).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(fixtures.corrections(batch)).extracting(CorrectionRow::amount).containsExactly(
                new BigDecimal("12.75"), new BigDecimal("8.50"), new BigDecimal("-42.75"), new BigDecimal("-28.50"));
    }

    /**
     * Issue 8: a retroactive change never rewrites a recorded sale's cost; it writes one correction per sale
     * (quantity × (new − current cost), rounded once, HALF_UP), unposted, referencing the history row and the
     * acting user, and profitability reports recorded cost + corrections, per batch, in the top list and the summary.
     */
    @Test
    void retroactiveChangeKeepsRecordedSaleCostsAndWritesCorrectionsThatProfitabilityReports() {
        long batch = fixtures.fixedBatch("10.00");
        fixtures.sale(batch, "3");
        fixtures.sale(batch, "0.5");
        List<Long> sales = fixtures.saleIds(batch);
        String warehouse = "Bearer " + tokens.forUser(515151L, "warehouse-corr", Set.of(Role.WAREHOUSE));
        // 3.5 sold at 20.00 = 70.00 revenue, at 10.00 = 35.00 cost.
        assertThat(profitability(batch)).containsEntry("revenue", "70.00").containsEntry("cost", "35.00")
                .containsEntry("profit", "35.00");
        Map<String, Object> summaryBefore = summary();

        // BOTH to 10.01: 3 × 0.01 = 0.03 and 0.5 × 0.01 = 0.005 → 0.01 (HALF_UP, once per correction).
        http.put().uri(PATH, batch).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newUnitCogs", "10.01", "applyTo", "BOTH", "reason", "Freight added", "version", 0))
                .exchange().expectStatus().isOk();
        long first = fixtures.historyIds(batch).get(0);
        assertThat(fixtures.saleCosts(batch)).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(fixtures.corrections(batch)).containsExactly(
                new CorrectionRow(sales.get(0), first, new BigDecimal("3.0000"), new BigDecimal("10.00"),
                        new BigDecimal("10.01"), new BigDecimal("0.03"), 515151L, false),
                new CorrectionRow(sales.get(1), first, new BigDecimal("0.5000"), new BigDecimal("10.00"),
                        new BigDecimal("10.01"), new BigDecimal("0.01"), 515151L, false));
        assertThat(profitability(batch)).containsEntry("cost", "35.04").containsEntry("profit", "34.96");

        // PAST_SALES to 9.00: corrected from each sale's current cost 10.01; −0.505 → −0.51 (away from zero).
        put(batch, Map.of("newUnitCogs", "9.00", "applyTo", "PAST_SALES", "reason", "Rebate", "version", 1))
                .expectStatus().isOk();
        long second = fixtures.historyIds(batch).get(1);
        assertThat(fixtures.corrections(batch)).hasSize(4).last().isEqualTo(new CorrectionRow(sales.get(1), second,
                new BigDecimal("0.5000"), new BigDecimal("10.01"), new BigDecimal("9.00"), new BigDecimal("-0.51"),
                fixtures.history(batch).get(1).changedBy(), false));
        assertThat(fixtures.history(batch)).extracting(HistoryRow::affectedSales).containsExactly(2, 2);
        Map<String, Object> corrected = profitability(batch);
        assertThat(corrected).containsEntry("revenue", "70.00").containsEntry("cost", "31.50")
                .containsEntry("profit", "38.50").containsEntry("marginPercent", "55.00");

        // FUTURE_SALES and a BOTH that changes no sale's cost write no correction, as the preview says.
        put(batch, Map.of("newUnitCogs", "12.00", "applyTo", "FUTURE_SALES", "reason", "New price", "version", 2))
                .expectStatus().isOk();
        impact(batch, Map.of("newUnitCogs", "9.00")).expectStatus().isOk().expectBody()
                .jsonPath("$.perUnitChange").isEqualTo("-3.00")
                .jsonPath("$.profitImpact").isEqualTo("0.00");
        impact(batch, Map.of("newUnitCogs", "10.01")).expectStatus().isOk().expectBody()
                .jsonPath("$.profitImpact").isEqualTo("-3.54");
        put(batch, Map.of("newUnitCogs", "9.00", "applyTo", "BOTH", "reason", "Back", "version", 3))
                .expectStatus().isOk();
        assertThat(fixtures.corrections(batch)).hasSize(4);
        assertThat(fixtures.history(batch)).extracting(HistoryRow::affectedSales).containsExactly(2, 2, 0, 0);
        assertThat(fixtures.saleCosts(batch)).containsExactly(new BigDecimal("10.00"), new BigDecimal("10.00"));
        assertThat(profitability(batch)).isEqualTo(corrected);

        // The top list and the summary report the corrected cost too.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> top = (List<Map<String, Object>>) http.get()
                .uri("/api/v1/inventory/profitability/top?limit=100").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("items");
        assertThat(top).filteredOn(item -> ((Number) item.get("batchId")).longValue() == batch)
                .singleElement().isEqualTo(corrected);
        Map<String, Object> summaryAfter = summary();
        assertThat(new BigDecimal((String) summaryAfter.get("cost"))
                .subtract(new BigDecimal((String) summaryBefore.get("cost")))).isEqualByComparingTo("-3.50");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> profitability(long batch) {
        return http.get().uri("/api/v1/batches/{id}/profitability", batch).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> summary() {
        return http.get().uri("/api/v1/inventory/profitability/summary").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void changingARangeKeepsUnitCogsEmptyAndRecordsTheMidpoints() {
        long batch = fixtures.rangeBatch("8.00", "12.00");
        put(batch, Map.of("newUnitCogsMin", "9.50", "newUnitCogsMax", "13.50", "applyTo", "FUTURE_SALES",
                "reason", "Re-graded", "version", 0))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.unitCogsMin").isEqualTo("9.50")
                .jsonPath("$.unitCogsMax").isEqualTo("13.50")
                .jsonPath("$.unitCostBasis").isEqualTo("11.50");
        assertThat(fixtures.cogs(batch)).isEqualTo(new CogsRow("RANGE", null, new BigDecimal("9.50"),
                new BigDecimal("13.50"), 1));
        assertThat(fixtures.history(batch)).containsExactly(new HistoryRow(new BigDecimal("10.00"),
                new BigDecimal("11.50"), new BigDecimal("8.00"), new BigDecimal("9.50"), new BigDecimal("12.00"),
                new BigDecimal("13.50"), "PROSPECTIVE", "Re-graded", 0, historyActor(batch)));
    }

    @Test
    void badChangesAreRefusedAndChangeNothing() {
        long fixed = fixtures.fixedBatch("10.00");
        CogsRow fixedBefore = fixtures.cogs(fixed);
        expectInvalid(fixed, body("newUnitCogs", "1.234"), "newUnitCogs");
        expectInvalid(fixed, body("newUnitCogs", "-0.01"), "newUnitCogs");
        expectInvalid(fixed, body("newUnitCogsMin", "1", "newUnitCogsMax", "2"), "newUnitCogsMin");
        expectInvalid(fixed, body(), "newUnitCogs");
        // unknown field (mass assignment of the acting user)
        put(fixed, with(body("newUnitCogs", "11"), "changedBy", 99)).expectStatus().isBadRequest();
        // bad applyTo, missing reason
        Map<String, Object> badApply = body("newUnitCogs", "11");
        badApply.put("applyTo", "SOMETIMES");
        expectInvalid(fixed, badApply, "applyTo");
        Map<String, Object> noReason = body("newUnitCogs", "11");
        noReason.remove("reason");
        expectInvalid(fixed, noReason, "reason");
        // stale version, no version
        Map<String, Object> stale = body("newUnitCogs", "11");
        stale.put("version", 7);
        put(fixed, stale).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        Map<String, Object> unversioned = body("newUnitCogs", "11");
        unversioned.remove("version");
        put(fixed, unversioned).expectStatus().isEqualTo(428);
        put(987654321L, body("newUnitCogs", "11")).expectStatus().isNotFound();
        // a viewer may read and preview, never change
        String viewer = "Bearer " + tokens.forRole(Role.VIEWER);
        http.get().uri(PATH, fixed).header(HttpHeaders.AUTHORIZATION, viewer).exchange().expectStatus().isOk();
        http.put().uri(PATH, fixed).header(HttpHeaders.AUTHORIZATION, viewer).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body("newUnitCogs", "11")).exchange().expectStatus().isForbidden();
        assertUnchanged(fixed, fixedBefore);

        long range = fixtures.rangeBatch("8.00", "12.00");
        CogsRow rangeBefore = fixtures.cogs(range);
        expectInvalid(range, body("newUnitCogsMin", "12", "newUnitCogsMax", "8"), "newUnitCogsMax");
        expectInvalid(range, body("newUnitCogsMin", "9", "newUnitCogsMax", "9"), "newUnitCogsMax");
        expectInvalid(range, body("newUnitCogs", "9"), "newUnitCogs");
        expectInvalid(range, body("newUnitCogsMin", "9.001", "newUnitCogsMax", "10"), "newUnitCogsMin");
        expectInvalid(range, body("newUnitCogsMin", "-1", "newUnitCogsMax", "10"), "newUnitCogsMin");
        expectInvalid(range, body("newUnitCogsMax", "10"), "newUnitCogsMin");
        assertUnchanged(range, rangeBefore);
    }

    // ---- history ----------------------------------------------------------------------------------------------------

    @Test
    void historyIsNewestFirstAndKeysetPaged() {
        long batch = fixtures.fixedBatch("10.00");
        for (int i = 0; i < 3; i++) {
            put(batch, Map.of("newUnitCogs", String.valueOf(11 + i), "applyTo", "FUTURE_SALES", "reason",
                    "change " + i, "version", i)).expectStatus().isOk();
        }
        http.get().uri(PATH + "/history?limit=2", batch).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].newUnitCogs").isEqualTo("13.00")
                .jsonPath("$.items[0].oldUnitCogs").isEqualTo("12.00")
                .jsonPath("$.items[0].changeType").isEqualTo("PROSPECTIVE")
                .jsonPath("$.items[1].reason").isEqualTo("change 1")
                .jsonPath("$.nextCursor").isNotEmpty();
        String cursor = nextCursor(batch);
        http.get().uri(PATH + "/history?limit=2&cursor={cursor}", batch, cursor).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].reason").isEqualTo("change 0")
                .jsonPath("$.items[0].oldUnitCogs").isEqualTo("10.00")
                .jsonPath("$.nextCursor").isEmpty();
        http.get().uri(PATH + "/history", 987654321L).exchange().expectStatus().isNotFound();
    }

    @Test
    void historyRefusesBadLimitsCursorsAndIdsAndAnUnchangedBatchHasNone() {
        long batch = fixtures.fixedBatch("10.00");
        http.get().uri(PATH + "/history", batch).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(0)
                .jsonPath("$.nextCursor").isEmpty();
        for (String limit : List.of("0", "201", "abc")) {
            http.get().uri(PATH + "/history?limit={limit}", batch, limit).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("limit");
        }
        http.get().uri(PATH + "/history?cursor={cursor}", batch, "garbage!").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("cursor");
        http.get().uri("/api/v1/batches/abc/cogs/history").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void theOpenApiDocumentDescribesTheCogsEndpoints() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/batches/{id}/cogs'].get.operationId").isEqualTo("getBatchCogs")
                .jsonPath("$.paths['/api/v1/batches/{id}/cogs'].put.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}/cogs/impact'].post.operationId")
                .isEqualTo("previewBatchCogsImpact")
                .jsonPath("$.paths['/api/v1/batches/{id}/cogs/history'].get.operationId")
                .isEqualTo("listBatchCogsHistory");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private String nextCursor(long batch) {
        byte[] body = http.get().uri(PATH + "/history?limit=2", batch).exchange()
                .expectBody().returnResult().getResponseBody();
        String json = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(json);
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private long historyActor(long batch) {
        return fixtures.history(batch).get(0).changedBy();
    }

    private static Map<String, Object> body(String... fields) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            body.put(fields[i], fields[i + 1]);
        }
        body.put("applyTo", "BOTH");
        body.put("reason", "test");
        body.put("version", 0);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        body.put(key, value);
        return body;
    }

    private void expectInvalid(long batch, Map<String, Object> body, String field) {
        put(batch, body).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == '" + field + "')]").exists();
    }

    private void assertUnchanged(long batch, CogsRow expected) {
        assertThat(fixtures.cogs(batch)).isEqualTo(expected);
        assertThat(fixtures.history(batch)).isEmpty();
        assertThat(fixtures.audits(batch)).isEmpty();
    }

    private ResponseSpec put(long batch, Map<String, Object> body) {
        return http.put().uri(PATH, batch).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private ResponseSpec impact(long batch, Map<String, Object> body) {
        return http.post().uri(PATH + "/impact", batch).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }
}
