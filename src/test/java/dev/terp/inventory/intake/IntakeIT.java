package dev.terp.inventory.intake;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.Unique;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IntakeIT {

    private static final String PATH = "/api/v1/inventory/intake";

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @LocalServerPort
    int port;

    /** Unique per test, so the names a test creates are its own. */
    String tag;
    String category;
    String otherCategory;
    String subcategory;
    String otherSubcategory;
    String grade;
    String strain;

    @BeforeEach
    void masterData() {
        tag = Unique.tag();
        category = "Intake Cat " + tag;
        otherCategory = "Intake Other " + tag;
        subcategory = "Smalls " + tag;
        otherSubcategory = "Shake " + tag;
        grade = "G" + tag;
        strain = "Strain " + tag;
        long categoryId = rows.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        long otherId = rows.insert("INSERT INTO categories (name) VALUES (:name)", Map.of("name", otherCategory));
        rows.insert("INSERT INTO subcategories (category_id, name) VALUES (:c, :name)",
                Map.of("c", categoryId, "name", subcategory));
        rows.insert("INSERT INTO subcategories (category_id, name) VALUES (:c, :name)",
                Map.of("c", otherId, "name", otherSubcategory));
        rows.insert("INSERT INTO grades (name) VALUES (:name)", Map.of("name", grade));
        rows.insert("INSERT INTO strains (name, standardized_name) VALUES (:name, :std)",
                Map.of("name", strain, "std", strain.toLowerCase()));
    }

    /** A valid FIXED intake of new vendor, brand and product names; tests change what they are about. */
    Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", "Vendor " + tag);
        body.put("brandName", "Emerald " + tag);
        body.put("productName", "blue dream!! " + tag);
        body.put("strainName", strain.toUpperCase());
        body.put("category", category.toLowerCase());
        body.put("subcategory", subcategory.toUpperCase());
        body.put("grade", grade.toLowerCase());
        body.put("quantity", "10.5");
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "12.5");
        body.put("paymentTerms", "NET_30");
        body.put("location", new HashMap<>(Map.of("site", "Main " + tag, "zone", "Vault", "rack", "R1")));
        body.put("expirationDate", "2027-06-30");
        return body;
    }

    // ---- happy path ----------------------------------------------------------------------------------------------

    @Test
    void intakeCreatesLotBatchLocationMovementAndAudit() {
        Map<?, ?> batch = http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body()).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/batches/\\d+")
                // Created empty (version 0), then the quantity received through StockKeeper (version 1).
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody();

        long id = ((Number) batch.get("id")).longValue();
        String code = (String) batch.get("code");
        assertThat(code).matches("BCH-\\d{6}");
        assertThat(batch.get("sku")).isEqualTo("EMER-BLUE-" + code.substring(4));
        assertThat(batch.get("status")).isEqualTo("AWAITING_INTAKE");
        assertThat(batch.get("cogsMode")).isEqualTo("FIXED");
        assertThat(batch.get("unitCogs")).isEqualTo("12.50");
        assertThat(batch.get("unitCogsMin")).isNull();
        assertThat(batch.get("paymentTerms")).isEqualTo("NET_30");
        assertThat(batch.get("onHandQty")).isEqualTo("10.5000");
        assertThat(batch.get("reservedQty")).isEqualTo("0.0000");
        assertThat(batch.get("availableQty")).isEqualTo("10.5000");
        assertThat(batch.get("expirationDate")).isEqualTo("2027-06-30");
        assertThat(((Number) batch.get("gradeId")).longValue())
                .isEqualTo(scalarLong("SELECT id FROM grades WHERE name = :v", grade));
        // The body is the batch view GET answers with.
        Map<?, ?> read = http.get().uri("/api/v1/batches/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(read).isEqualTo(batch);

        // Vendor, brand and product were created; the product under its canonical name with the references.
        long vendorId = scalarLong("SELECT id FROM vendors WHERE name = :v", "Vendor " + tag);
        assertThat(scalarLong("SELECT vendor_id FROM brands WHERE name = :v", "Emerald " + tag)).isEqualTo(vendorId);
        Map<String, Object> product = row("SELECT p.id, p.name_canonical, c.name AS category, sc.name AS sub, "
                + "s.name AS strain FROM batches b JOIN products p ON p.id = b.product_id "
                + "JOIN categories c ON c.id = p.category_id LEFT JOIN subcategories sc ON sc.id = p.subcategory_id "
                + "LEFT JOIN strains s ON s.id = p.strain_id WHERE b.id = :v", id);
        assertThat(product.get("name_canonical")).isEqualTo("Blue Dream " + tag.toLowerCase().substring(0, 1)
                .toUpperCase() + tag.toLowerCase().substring(1));
        assertThat(product.get("category")).isEqualTo(category);
        assertThat(product.get("sub")).isEqualTo(subcategory);
        assertThat(product.get("strain")).isEqualTo(strain);

        Map<String, Object> lot = row("SELECT l.id, l.code, l.vendor_id, l.received_on FROM lots l "
                + "JOIN batches b ON b.lot_id = l.id WHERE b.id = :v", id);
        assertThat((String) lot.get("code")).matches("LOT-\\d{6}");
        assertThat(((Number) lot.get("vendor_id")).longValue()).isEqualTo(vendorId);
        assertThat(lot.get("received_on")).isEqualTo(LocalDate.now(ZoneOffset.UTC));

        Map<String, Object> location = row("SELECT bl.qty, l.site, l.zone, l.rack, l.shelf FROM batch_locations bl "
                + "JOIN locations l ON l.id = bl.location_id WHERE bl.batch_id = :v", id);
        assertThat((BigDecimal) location.get("qty")).isEqualByComparingTo("10.5");
        assertThat(location.get("site")).isEqualTo("Main " + tag);
        assertThat(location.get("zone")).isEqualTo("Vault");
        assertThat(location.get("rack")).isEqualTo("R1");
        assertThat(location.get("shelf")).isEqualTo("");
        assertThat(count("SELECT COUNT(*) AS n FROM batch_locations WHERE batch_id = :v", id)).isEqualTo(1);

        long adminId = scalarLong("SELECT id FROM users WHERE username = :v", tokens.adminUsername());
        Map<String, Object> movement = row("SELECT movement_type, bucket, quantity_change, quantity_before, "
                + "quantity_after, reference_type, reference_id, performed_by FROM inventory_movements "
                + "WHERE batch_id = :v", id);
        assertThat(movement.get("movement_type")).isEqualTo("INTAKE");
        assertThat(movement.get("bucket")).isEqualTo("ON_HAND");
        assertThat((BigDecimal) movement.get("quantity_change")).isEqualByComparingTo("10.5");
        assertThat((BigDecimal) movement.get("quantity_before")).isEqualByComparingTo("0");
        assertThat((BigDecimal) movement.get("quantity_after")).isEqualByComparingTo("10.5");
        assertThat(movement.get("reference_type")).isEqualTo("INTAKE");
        assertThat(((Number) movement.get("reference_id")).longValue())
                .isEqualTo(((Number) lot.get("id")).longValue());
        assertThat(((Number) movement.get("performed_by")).longValue()).isEqualTo(adminId);
        assertThat(count("SELECT COUNT(*) AS n FROM inventory_movements WHERE batch_id = :v", id)).isEqualTo(1);

        // Two audit rows: the batch created empty, then the quantity received.
        List<Map<String, Object>> audits = rows.rows("SELECT actor_id, action, before_state, after_state, reason "
                        + "FROM audit_logs WHERE entity = 'Batch' AND entity_id = :v ORDER BY id", Map.of("v", id));
        assertThat(audits).extracting(audit -> audit.get("action")).containsExactly("CREATED", "RECEIVED");
        assertThat(audits).extracting(audit -> ((Number) audit.get("actor_id")).longValue()).containsOnly(adminId);
        Map<String, Object> created = audits.get(0);
        assertThat(created.get("before_state")).isNull();
        assertThat((String) created.get("after_state")).contains("\"code\":\"" + code + "\"")
                .contains("\"onHandQty\":\"0.0000\"");
        Map<String, Object> received = audits.get(1);
        assertThat((String) received.get("before_state")).contains("\"onHandQty\":\"0.0000\"");
        assertThat((String) received.get("after_state")).contains("\"onHandQty\":\"10.5000\"");
        assertThat(received.get("reason")).isEqualTo("Initial intake");
        // The new master data is audited too.
        assertThat(count("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Vendor' AND action = 'CREATED' "
                + "AND entity_id = :v", vendorId)).isEqualTo(1);
    }

    @Test
    void rangeCogsStoresTheBoundsAndNoUnitCogs() {
        Map<String, Object> body = body();
        body.put("cogsMode", "RANGE");
        body.remove("unitCogs");
        body.put("unitCogsMin", "8");
        body.put("unitCogsMax", 9.75);
        body.remove("subcategory");
        body.remove("grade");
        body.remove("strainName");
        body.remove("expirationDate");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.cogsMode").isEqualTo("RANGE")
                .jsonPath("$.unitCogs").doesNotExist()
                .jsonPath("$.unitCogsMin").isEqualTo("8.00")
                .jsonPath("$.unitCogsMax").isEqualTo("9.75")
                .jsonPath("$.gradeId").doesNotExist();
    }

    /** D-15: TERP's random lot suffix and batch sequence fixed at 1 made the second intake of the day fail. */
    @Test
    void repeatIntakeOfTheSameBrandAndProductOnTheSameDayGetsDistinctCodes() {
        Map<?, ?> first = created(body());
        Map<?, ?> second = created(body());

        assertThat(second.get("code")).isNotEqualTo(first.get("code"));
        assertThat(second.get("sku")).isNotEqualTo(first.get("sku"));
        assertThat((String) second.get("sku")).startsWith("EMER-BLUE-");
        assertThat(lotCode(first)).isNotEqualTo(lotCode(second));
        // The same vendor, brand, product and location were found, not created again.
        assertThat(second.get("productId")).isEqualTo(first.get("productId"));
        assertThat(count("SELECT COUNT(*) AS n FROM vendors WHERE name = :v", "Vendor " + tag)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM brands WHERE name = :v", "Emerald " + tag)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) AS n FROM locations WHERE site = :v", "Main " + tag)).isEqualTo(1);
    }

    // ---- validation: nothing is written ---------------------------------------------------------------------------

    @Test
    void quantityMustBePositiveWithAtMostFourDecimals() {
        for (Object quantity : List.of("0", "-1", "1.23456", "abc")) {
            Map<String, Object> body = body();
            body.put("quantity", quantity);
            if ("abc".equals(quantity)) {
                rejectedMalformed(body);
            } else {
                rejected(body, "quantity");
            }
        }
        Map<String, Object> missing = body();
        missing.remove("quantity");
        rejected(missing, "quantity");
    }

    @Test
    void fixedCogsRequiresANonNegativeMoneyAmount() {
        for (Object unitCogs : List.of("-0.01", "1.234")) {
            Map<String, Object> body = body();
            body.put("unitCogs", unitCogs);
            rejected(body, "unitCogs");
        }
        Map<String, Object> missing = body();
        missing.remove("unitCogs");
        rejected(missing, "unitCogs");
    }

    @Test
    void rangeCogsRequiresBothBounds() {
        Map<String, Object> body = body();
        body.put("cogsMode", "RANGE");
        body.remove("unitCogs");
        rejected(body, "unitCogsMax", "unitCogsMin");
    }

    @Test
    void cogsRangeInvertedIsRejected() {
        for (String max : List.of("5.00", "10")) {
            Map<String, Object> body = body();
            body.put("cogsMode", "RANGE");
            body.put("unitCogsMin", "10");
            body.put("unitCogsMax", max);
            rejected(body, "unitCogsMax");
        }
    }

    @Test
    void cogsModeAndPaymentTermsMustBeKnown() {
        Map<String, Object> body = body();
        body.put("cogsMode", "AVERAGE");
        body.put("paymentTerms", "NET_60");
        rejected(body, "cogsMode", "paymentTerms");
    }

    @Test
    void categoryMustExist() {
        Map<String, Object> body = body();
        body.put("category", "No Such Category " + tag);
        rejected(body, "category");
    }

    @Test
    void subcategoryMustExistUnderTheCategory() {
        Map<String, Object> body = body();
        body.put("subcategory", otherSubcategory);
        rejected(body, "subcategory");
    }

    @Test
    void gradeAndStrainMustExist() {
        Map<String, Object> body = body();
        body.put("grade", "No Grade " + tag);
        body.put("strainName", "No Strain " + tag);
        rejected(body, "grade", "strainName");
        assertThat(count("SELECT COUNT(*) AS n FROM strains WHERE name = :v", "No Strain " + tag)).isZero();
    }

    @Test
    void everyInvalidFieldIsReportedAtOnce() {
        Map<String, Object> body = body();
        body.remove("vendorName");
        body.put("productName", "!!!");
        body.put("quantity", "0");
        body.put("paymentTerms", "LATER");
        body.put("category", "No Such Category " + tag);
        body.put("location", Map.of("zone", "Z"));
        rejected(body, "category", "location.site", "paymentTerms", "productName", "quantity", "vendorName");
    }

    @Test
    void locationAndItsSiteAreRequired() {
        Map<String, Object> body = body();
        body.put("location", Map.of("site", " ", "zone", "Vault"));
        rejected(body, "location.site");
        Map<String, Object> none = body();
        none.remove("location");
        rejected(none, "location");
    }

    @Test
    void unknownFieldsAreRejected() {
        Map<String, Object> body = body();
        body.put("status", "LIVE");
        rejectedMalformed(body);
        Map<String, Object> createdBy = body();
        createdBy.put("createdBy", 1);
        rejectedMalformed(createdBy);
    }

    // ---- permissions ------------------------------------------------------------------------------------------------

    @Test
    void warehouseMayIntakeAndSalesMayNot() {
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.WAREHOUSE))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body()).exchange()
                .expectStatus().isCreated();

        Map<String, Object> body = body();
        body.put("vendorName", "Sales Vendor " + tag);
        long lots = count("SELECT COUNT(*) AS n FROM lots");
        http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.SALES))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        assertThat(count("SELECT COUNT(*) AS n FROM lots")).isEqualTo(lots);
        assertThat(count("SELECT COUNT(*) AS n FROM vendors WHERE name = :v", "Sales Vendor " + tag)).isZero();
    }

    // ---- concurrency --------------------------------------------------------------------------------------------

    /**
     * Ten intakes naming the same new vendor, brand, product and location at the same moment: each either creates
     * them or, losing the race on a unique key, re-reads the winner's rows, so all succeed and nothing is duplicated.
     */
    @Test
    void parallelIntakesOfTheSameNewNamesCreateEachMasterRecordOnce() {
        ConnectionProvider pool = ConnectionProvider.builder("intake-it").maxConnections(50).build();
        try {
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                    .build();
            Map<String, Object> body = body();
            List<Outcome> outcomes = Flux.range(0, 10)
                    .flatMap(i -> client.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                            .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                                    .map(text -> new Outcome(response.statusCode().value(), text))), 10)
                    .collectList().block(Duration.ofSeconds(60));

            assertThat(outcomes).hasSize(10).allSatisfy(o -> assertThat(o.status()).as(o.body()).isEqualTo(201));
            assertThat(count("SELECT COUNT(*) AS n FROM vendors WHERE name = :v", "Vendor " + tag)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) AS n FROM brands WHERE name = :v", "Emerald " + tag)).isEqualTo(1);
            long brandId = scalarLong("SELECT id FROM brands WHERE name = :v", "Emerald " + tag);
            assertThat(count("SELECT COUNT(*) AS n FROM products WHERE brand_id = :v", brandId)).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) AS n FROM locations WHERE site = :v", "Main " + tag)).isEqualTo(1);
            long vendorId = scalarLong("SELECT id FROM vendors WHERE name = :v", "Vendor " + tag);
            assertThat(count("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Vendor' AND action = 'CREATED' "
                    + "AND entity_id = :v", vendorId)).as("the losers' rolled-back-statement creations leave no audit")
                    .isEqualTo(1);
            long productId = scalarLong("SELECT id FROM products WHERE brand_id = :v", brandId);
            assertThat(count("SELECT COUNT(DISTINCT code) AS n FROM batches WHERE product_id = :v", productId))
                    .isEqualTo(10);
            assertThat(count("SELECT COUNT(DISTINCT sku) AS n FROM batches WHERE product_id = :v", productId))
                    .isEqualTo(10);
            assertThat(count("SELECT COUNT(DISTINCT lot_id) AS n FROM batches WHERE product_id = :v", productId))
                    .isEqualTo(10);
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
    }

    record Outcome(int status, String body) {
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private Map<?, ?> created(Map<String, Object> body) {
        return http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private String lotCode(Map<?, ?> batch) {
        return rows.value("SELECT code FROM lots WHERE id = :id",
                Map.of("id", ((Number) batch.get("lotId")).longValue()), String.class);
    }

    /** 400 VALIDATION_FAILED naming exactly these fields, and nothing written anywhere. */
    private void rejected(Map<String, Object> body, String... fields) {
        Snapshot before = snapshot();
        Map<?, ?> problem = http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("code")).isEqualTo("VALIDATION_FAILED");
        List<String> reported = ((List<?>) problem.get("errors")).stream()
                .map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList();
        assertThat(reported).as(String.valueOf(problem)).containsExactlyInAnyOrder(fields);
        assertThat(snapshot()).isEqualTo(before);
    }

    private void rejectedMalformed(Map<String, Object> body) {
        Snapshot before = snapshot();
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isBadRequest();
        assertThat(snapshot()).isEqualTo(before);
    }

    record Snapshot(long lots, long batches, long movements, long vendors, long brands, long locations) {
    }

    /** Re-read from the database: this test's vendor, brand and location names are unique to it. */
    private Snapshot snapshot() {
        return new Snapshot(count("SELECT COUNT(*) AS n FROM lots"), count("SELECT COUNT(*) AS n FROM batches"),
                count("SELECT COUNT(*) AS n FROM inventory_movements"),
                count("SELECT COUNT(*) AS n FROM vendors WHERE name = :v", "Vendor " + tag),
                count("SELECT COUNT(*) AS n FROM brands WHERE name = :v", "Emerald " + tag),
                count("SELECT COUNT(*) AS n FROM locations WHERE site = :v", "Main " + tag));
    }

    private long count(String sql) {
        return rows.one(sql, Map.of(), row -> row.get("n", Long.class));
    }

    private long count(String sql, Object value) {
        return rows.one(sql, Map.of("v", value), row -> row.get("n", Long.class));
    }

    private long scalarLong(String sql, Object value) {
        return rows.value(sql, Map.of("v", value), Long.class);
    }

    private Map<String, Object> row(String sql, Object value) {
        return rows.row(sql, Map.of("v", value));
    }
}
