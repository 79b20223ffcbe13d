package dev.terp.inventory;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.domain.Rounding;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

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

    private final String tag = UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Test
    void halfCentsRoundTheSameWayOnEveryPath() {
        long vendor = insert("INSERT INTO vendors (name) VALUES (:v)", Map.of("v", "Round Vendor " + tag));
        long category = insert("INSERT INTO categories (name) VALUES (:v)", Map.of("v", "Round Cat " + tag));

        // Intake session: 1 × 0.0050 = 0.005 → 0.01 and 3 × 0.0125 = 0.0375 → 0.04; total 0.05.
        long a = batch(vendor, category, "AWAITING_INTAKE", "0", "FIXED", "1.00", null, null);
        long b = batch(vendor, category, "AWAITING_INTAKE", "0", "FIXED", "1.00", null, null);
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
        assertThat(db.sql("SELECT unit_cost FROM intake_session_lines WHERE session_id = :id ORDER BY id")
                .bind("id", sessionId).map(row -> row.get("unit_cost", BigDecimal.class)).all().collectList()
                .block()).containsExactly(new BigDecimal("0.0050"), new BigDecimal("0.0125"));

        // COGS: RANGE 1.00..1.01 → midpoint 1.005 → 1.01.
        long range = batch(vendor, category, "LIVE", "1", "RANGE", null, "1.00", "1.01");
        assertThat(get("/api/v1/batches/" + range + "/cogs").get("unitCostBasis")).isEqualTo("1.01");

        // Stats: 1 × 1.01 + 0.5 × 0.03 = 1.025 summed exactly, rounded once → 1.03 (the session batches hold 0).
        batch(vendor, category, "LIVE", "0.5", "FIXED", "0.03", null, null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> categories = (List<Map<String, Object>>) get("/api/v1/inventory/stats")
                .get("byCategory");
        assertThat(categories).filteredOn(entry -> ("Round Cat " + tag).equals(entry.get("category")))
                .singleElement().satisfies(entry -> assertThat(entry.get("value"))
                        .isEqualTo(Rounding.money(new BigDecimal("1.025")).toPlainString()).isEqualTo("1.03"));

        // Profitability: sold 1 at 200.00 for 199.99 → margin 0.005 % → 0.01; 0.5 more at 0.01 → revenue 200.005
        // → 200.01, average 200.005 / 1.5 = 133.336… → 133.34.
        long sold = batch(vendor, category, "LIVE", "5", "FIXED", "199.99", null, null);
        sale(sold, "1", "200.00", "199.99");
        assertThat(get("/api/v1/batches/" + sold + "/profitability")).containsEntry("revenue", "200.00")
                .containsEntry("cost", "199.99").containsEntry("profit", "0.01").containsEntry("marginPercent", "0.01");
        sale(sold, "0.5", "0.01", "0.00");
        assertThat(get("/api/v1/batches/" + sold + "/profitability")).containsEntry("revenue", "200.01")
                .containsEntry("averagePrice", "133.34");
    }

    private static String money(String quantity, String unitCost) {
        return Rounding.money(new BigDecimal(quantity).multiply(new BigDecimal(unitCost))).toPlainString();
    }

    /** A batch of the vendor (its brand and lot), so a session of that vendor may receive it. */
    private long batch(long vendor, long category, String status, String onHand, String mode, String unitCogs,
            String min, String max) {
        String code = tag + "-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        long brand = insert("INSERT INTO brands (name, vendor_id) VALUES (:v, :w)",
                Map.of("v", "Round Brand " + code, "w", vendor));
        long product = insert("INSERT INTO products (brand_id, name_canonical, category_id) VALUES (:v, :w, :x)",
                Map.of("v", brand, "w", "Round Product " + code, "x", category));
        long lot = insert("INSERT INTO lots (code, vendor_id, received_on) VALUES (:v, :w, CURRENT_DATE)",
                Map.of("v", "LOT-R" + code, "w", vendor));
        Map<String, Object> values = new HashMap<>();
        values.put("code", "BCH-R" + code);
        values.put("sku", "ROUND-" + code);
        values.put("product", product);
        values.put("lot", lot);
        values.put("status", status);
        values.put("mode", mode);
        values.put("unitCogs", unitCogs == null ? null : new BigDecimal(unitCogs));
        values.put("min", min == null ? null : new BigDecimal(min));
        values.put("max", max == null ? null : new BigDecimal(max));
        values.put("onHand", new BigDecimal(onHand));
        return insert("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, unit_cogs_min, "
                + "unit_cogs_max, payment_terms, on_hand_qty) VALUES (:code, :sku, :product, :lot, :status, :mode, "
                + ":unitCogs, :min, :max, 'COD', :onHand)", values);
    }

    /** A recorded sale as ReservationPort.consume writes it (its batch_sales row). */
    private void sale(long batch, String quantity, String unitPrice, String unitCost) {
        insert("INSERT INTO batch_sales (batch_id, quantity, unit_price, unit_cost, sold_by) VALUES (:v, :w, :x, :y, 1)",
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

    private long insert(String sql, Map<String, Object> values) {
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql);
        for (Map.Entry<String, Object> value : values.entrySet()) {
            spec = value.getValue() == null ? spec.bindNull(value.getKey(), BigDecimal.class)
                    : spec.bind(value.getKey(), value.getValue());
        }
        return spec.filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
