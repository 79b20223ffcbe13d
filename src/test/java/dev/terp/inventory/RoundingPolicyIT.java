package dev.terp.inventory;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.terp.domain.Rounding;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestBatches;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.terp.support.TestBatches.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, item 7: one rounding policy. Half-cent amounts walked over HTTP through every path that rounds — an
 * intake session's line totals and total (4-decimal unit costs accepted), a RANGE midpoint, a margin, the stats
 * value and profitability — each answering {@link Rounding}'s result (HALF_UP, once), where HALF_EVEN (the COGS
 * calculator's former mode) would answer a cent less.
 */
@IntegrationTest
class RoundingPolicyIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    private final String tag = Unique.tag();

    @Test
    void halfCentsRoundTheSameWayOnEveryPath() {
        TestDatabase rows = new TestDatabase(db);
        long vendor = rows.insert("INSERT INTO vendors (name) VALUES (:v)", Map.of("v", "Round Vendor " + tag));
        long category = rows.insert("INSERT INTO categories (name) VALUES (:v)", Map.of("v", "Round Cat " + tag));

        // Intake session: 1 × 0.0050 = 0.005 → 0.01 and 3 × 0.0125 = 0.0375 → 0.04; total 0.05. Announced batches
        // of the session's vendor, in SQL: the API announces a batch only as a line of a session.
        long a = aBatch().named("Round").ofVendor(vendor).inCategory(category).withStatus("AWAITING_INTAKE")
                .withFixedCogs("1.00").insert(rows).id();
        long b = aBatch().named("Round").ofVendor(vendor).inCategory(category).withStatus("AWAITING_INTAKE")
                .withFixedCogs("1.00").insert(rows).id();
        Map<?, ?> session = post("/api/v1/inventory/intake-sessions", Map.of("vendorId", vendor,
                "receiveDate", "2026-11-25", "paymentTerms", "NET_30", "paymentDueDate", "2026-12-25"));
        long sessionId = ((Number) session.get("id")).longValue();
        post("/api/v1/inventory/intake-sessions/" + sessionId + "/lines",
                Map.of("batchId", a, "receivedQty", "1", "unitCost", "0.0050"));
        Map<?, ?> withLines = post("/api/v1/inventory/intake-sessions/" + sessionId + "/lines",
                Map.of("batchId", b, "receivedQty", "3", "unitCost", "0.0125"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) withLines.get("lines");
        assertThat(lines).extracting(line -> line.get("unitCost")).containsExactly("0.0050", "0.0125");
        assertThat(lines).extracting(line -> line.get("totalCost")).containsExactly(
                money("1", "0.0050"), money("3", "0.0125"));
        assertThat(lines).extracting(line -> line.get("totalCost")).containsExactly("0.01", "0.04");
        assertThat(withLines.get("totalAmount")).isEqualTo("0.05");
        assertThat(rows.list("SELECT unit_cost FROM intake_session_lines WHERE session_id = :id ORDER BY id",
                Map.of("id", sessionId),
                        row -> row.get("unit_cost", BigDecimal.class)))
                                .containsExactly(new BigDecimal("0.0050"), new BigDecimal("0.0125"));

        // COGS: RANGE 1.00..1.01 → midpoint 1.005 → 1.01.
        long range = received().withOnHand("1").withRangeCogs("1.00", "1.01").receive(http).id();
        assertThat(get("/api/v1/batches/" + range + "/cogs").get("unitCostBasis")).isEqualTo("1.01");

        // Stats: 1 × 1.01 + 0.5 × 0.03 = 1.025 summed exactly, rounded once → 1.03 (the session batches hold 0).
        received().withOnHand("0.5").withFixedCogs("0.03").receive(http);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> categories = (List<Map<String, Object>>) get("/api/v1/inventory/stats")
                .get("byCategory");
        assertThat(categories).filteredOn(entry -> ("Round Cat " + tag).equals(entry.get("category")))
                .singleElement().satisfies(entry -> assertThat(entry.get("value"))
                        .isEqualTo(Rounding.money(new BigDecimal("1.025")).toPlainString()).isEqualTo("1.03"));

        // Profitability: sold 1 at 200.00 for 199.99 → margin 0.005 % → 0.01; 0.5 more at 0.01 → revenue 200.005
        // → 200.01, average 200.005 / 1.5 = 133.336… → 133.34.
        long sold = received().withOnHand("5").withFixedCogs("199.99").receive(http).id();
        sale(rows, sold, "1", "200.00", "199.99");
        assertThat(get("/api/v1/batches/" + sold + "/profitability")).containsEntry("revenue", "200.00")
                .containsEntry("cost", "199.99").containsEntry("profit", "0.01").containsEntry("marginPercent", "0.01");
        sale(rows, sold, "0.5", "0.01", "0.00");
        assertThat(get("/api/v1/batches/" + sold + "/profitability")).containsEntry("revenue", "200.01")
                .containsEntry("averagePrice", "133.34");
    }

    private static String money(String quantity, String unitCost) {
        return Rounding.money(new BigDecimal(quantity).multiply(new BigDecimal(unitCost))).toPlainString();
    }

    /** A LIVE batch received over the API into the test's category. */
    private TestBatches.Spec received() {
        return aBatch().named("Round").inCategoryNamed("Round Cat " + tag).withStatus("LIVE");
    }

    /** A recorded sale as ReservationPort.consume writes it (its batch_sales row). */
    private static void sale(TestDatabase rows, long batch, String quantity, String unitPrice, String unitCost) {
        rows.insert("INSERT INTO batch_sales (batch_id, quantity, unit_price, unit_cost, sold_by) "
                        + "VALUES (:v, :w, :x, :y, 1)",
                Map.of("v", batch, "w", new BigDecimal(quantity), "x", new BigDecimal(unitPrice),
                        "y", new BigDecimal(unitCost)));
    }

    private Map<?, ?> post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String path) {
        return http.get().uri(path).exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
    }
}
