package dev.terp.inventory.batch;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.inventory.batch.InventoryFixtures.TestBatch;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** The batch list's vendor, grade and category filters and its search over the joined names. */
@IntegrationTest
class BatchListFilterIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(db);
    }

    @Test
    void filtersByVendorGradeAndCategory() {
        TestBatch a = fixtures.batch("LIVE", "1");
        TestBatch b = fixtures.batch("LIVE", "1");
        long grade = grade();
        db.sql("UPDATE batches SET grade_id = :grade WHERE id = :id").bind("grade", grade).bind("id", a.id())
                .fetch().rowsUpdated().block();

        assertThat(ids(uri -> uri.queryParam("vendorId", vendorOf(a.id())))).containsExactly(a.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendorOf(b.id())))).containsExactly(b.id());
        assertThat(ids(uri -> uri.queryParam("gradeId", grade))).containsExactly(a.id());
        assertThat(ids(uri -> uri.queryParam("categoryId", categoryOf(b.id())))).containsExactly(b.id());
    }

    @Test
    void searchCoversProductBrandAndVendorNames() {
        TestBatch batch = fixtures.batch("LIVE", "1");
        String tag = batch.sku().substring("TEST-".length());
        // The fixture names product, brand and vendor "Product <tag>", "Inv Brand <tag>", "Inv Vendor <tag>".
        assertThat(ids(uri -> uri.queryParam("q", "product " + tag.toLowerCase()))).containsExactly(batch.id());
        assertThat(ids(uri -> uri.queryParam("q", "Inv Brand " + tag))).containsExactly(batch.id());
        assertThat(ids(uri -> uri.queryParam("q", "Inv Vendor " + tag))).containsExactly(batch.id());
        // Wildcards in the text are literal, not patterns.
        assertThat(ids(uri -> uri.queryParam("q", "Inv%Vendor " + tag))).isEmpty();
    }

    @Test
    void combinedFiltersAllApply() {
        TestBatch live = fixtures.batch("LIVE", "1");
        long vendor = vendorOf(live.id());
        long category = categoryOf(live.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendor).queryParam("categoryId", category)
                .queryParam("status", "LIVE").queryParam("q", live.code()))).containsExactly(live.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendor).queryParam("status", "ON_HOLD"))).isEmpty();
        TestBatch other = fixtures.batch("LIVE", "1");
        assertThat(ids(uri -> uri.queryParam("vendorId", vendor).queryParam("categoryId", categoryOf(other.id()))))
                .isEmpty();
    }

    @Test
    void invalidFilterValuesAre400() {
        for (String param : List.of("vendorId", "gradeId", "categoryId", "productId")) {
            for (String bad : List.of("abc", "0", "-3")) {
                http.get().uri(uri -> uri.path("/api/v1/batches").queryParam(param, bad).build()).exchange()
                        .expectStatus().isBadRequest()
                        .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                        .jsonPath("$.errors[0].field").isEqualTo(param);
            }
        }
        http.get().uri("/api/v1/batches?status=GONE").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        http.get().uri(uri -> uri.path("/api/v1/batches").queryParam("q", "x".repeat(101)).build()).exchange()
                .expectStatus().isBadRequest();
    }

    private List<Long> ids(java.util.function.Function<UriBuilder, UriBuilder> params) {
        Map<?, ?> body = http.get().uri(uri -> params.apply(uri.path("/api/v1/batches")).queryParam("limit", 200)
                        .build())
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) body.get("items")).stream()
                .map(item -> ((Number) ((Map<?, ?>) item).get("id")).longValue()).toList();
    }

    private long vendorOf(long batchId) {
        return db.sql("SELECT l.vendor_id FROM batches b JOIN lots l ON l.id = b.lot_id WHERE b.id = :id")
                .bind("id", batchId).map(row -> row.get("vendor_id", Long.class)).one().block();
    }

    private long categoryOf(long batchId) {
        return db.sql("SELECT p.category_id FROM batches b JOIN products p ON p.id = b.product_id WHERE b.id = :id")
                .bind("id", batchId).map(row -> row.get("category_id", Long.class)).one().block();
    }

    private long grade() {
        return db.sql("INSERT INTO grades (name) VALUES (:name)")
                .bind("name", "G-" + UUID.randomUUID().toString().substring(0, 8))
                .filter(statement -> statement.returnGeneratedValues("id"))
                .map(row -> row.get("id", Long.class)).one().block();
    }
}
