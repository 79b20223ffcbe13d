package dev.terp.inventory.batch;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.terp.support.TestBatch;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestBatches;
import dev.terp.support.TestDatabase;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriBuilder;

import static dev.terp.support.TestBatches.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The batch list's vendor, grade and category filters and its search over the joined names, on batches received over
 * the API.
 */
@IntegrationTest
class BatchListFilterIT {

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Test
    void filtersByVendorGradeAndCategory() {
        String grade = Unique.name("G");
        long gradeId = idOf(http.post().uri("/api/v1/grades").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", grade)).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody());
        TestBatch a = liveBatch().ofGrade(grade).receive(http);
        TestBatch b = liveBatch().receive(http);

        assertThat(ids(uri -> uri.queryParam("vendorId", vendorOf(a.id())))).containsExactly(a.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendorOf(b.id())))).containsExactly(b.id());
        assertThat(ids(uri -> uri.queryParam("gradeId", gradeId))).containsExactly(a.id());
        assertThat(ids(uri -> uri.queryParam("categoryId", categoryOf(b.id())))).containsExactly(b.id());
    }

    @Test
    void searchCoversProductBrandAndVendorNames() {
        TestBatch batch = liveBatch().receive(http);
        String tag = batch.tag();
        // The builder names product, brand and vendor "Inv Product <tag>", "Inv Brand <tag>", "Inv Vendor <tag>".
        assertThat(ids(uri -> uri.queryParam("q", "product " + tag.toLowerCase()))).containsExactly(batch.id());
        assertThat(ids(uri -> uri.queryParam("q", "Inv Brand " + tag))).containsExactly(batch.id());
        assertThat(ids(uri -> uri.queryParam("q", "Inv Vendor " + tag))).containsExactly(batch.id());
        // Wildcards in the text are literal, not patterns.
        assertThat(ids(uri -> uri.queryParam("q", "Inv%Vendor " + tag))).isEmpty();
    }

    @Test
    void combinedFiltersAllApply() {
        TestBatch live = liveBatch().receive(http);
        long vendor = vendorOf(live.id());
        long category = categoryOf(live.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendor).queryParam("categoryId", category)
                .queryParam("status", "LIVE").queryParam("q", live.code()))).containsExactly(live.id());
        assertThat(ids(uri -> uri.queryParam("vendorId", vendor).queryParam("status", "ON_HOLD"))).isEmpty();
        TestBatch other = liveBatch().receive(http);
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
        return rows.value("SELECT l.vendor_id FROM batches b JOIN lots l ON l.id = b.lot_id WHERE b.id = :id",
                Map.of("id", batchId), Long.class);
    }

    private long categoryOf(long batchId) {
        return rows.value("SELECT p.category_id FROM batches b JOIN products p ON p.id = b.product_id WHERE b.id = :id",
                Map.of("id", batchId), Long.class);
    }

    /** A LIVE batch of one unit, each of its own vendor, brand, product and category. */
    private static TestBatches.Spec liveBatch() {
        return aBatch().named("Inv").withStatus("LIVE").withOnHand("1");
    }

    private static long idOf(Map<?, ?> created) {
        return ((Number) created.get("id")).longValue();
    }
}
