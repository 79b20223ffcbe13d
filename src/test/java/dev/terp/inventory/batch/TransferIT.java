package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.inventory.batch.InventoryFixtures.MovementRow;
import dev.terp.support.TestBatch;
import dev.terp.support.IntegrationTest;
import dev.terp.support.Pages;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Transfers between locations and the rule that keeps Σ batch_locations.qty = on-hand. */
@IntegrationTest
class TransferIT {

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
    void transferMovesStockBetweenLocationsAndCreatesTheDestinationRow() {
        TestBatch batch = fixtures.batch("LIVE", "10", "2", "0", "0");
        long a = fixtures.location();
        long b = fixtures.location();
        fixtures.place(batch.id(), a, "10");

        transfer(batch.id(), a, b, "3.5", "restock front")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.batchId").isEqualTo(batch.id())
                .jsonPath("$.items.length()").isEqualTo(2)
                .jsonPath("$.items[0].locationId").isEqualTo(a)
                .jsonPath("$.items[0].quantity").isEqualTo("6.5000")
                .jsonPath("$.items[1].locationId").isEqualTo(b)
                .jsonPath("$.items[1].quantity").isEqualTo("3.5000");

        Map<Long, BigDecimal> locations = fixtures.locationQuantities(batch.id());
        assertThat(locations.get(a)).isEqualByComparingTo("6.5");
        assertThat(locations.get(b)).isEqualByComparingTo("3.5");
        Map<String, BigDecimal> quantities = fixtures.quantities(batch.id());
        assertThat(quantities.get("onHand")).isEqualByComparingTo("10");
        assertThat(quantities.get("reserved")).isEqualByComparingTo("2");
        assertThat(fixtures.version(batch.id())).isZero();

        List<MovementRow> movements = fixtures.movements(batch.id());
        assertThat(movements).hasSize(2).extracting(MovementRow::type).containsOnly("TRANSFER");
        assertThat(movements).extracting(MovementRow::bucket).containsOnly("ON_HAND");
        assertThat(movements.get(0).change()).isEqualByComparingTo("-3.5");
        assertThat(movements.get(0).before()).isEqualByComparingTo("10");
        assertThat(movements.get(0).after()).isEqualByComparingTo("6.5");
        assertThat(movements.get(1).change()).isEqualByComparingTo("3.5");
        assertThat(movements.get(1).before()).isEqualByComparingTo("0");
        assertThat(movements.get(1).after()).isEqualByComparingTo("3.5");
        assertThat(fixtures.movementLocations(batch.id())).containsExactly(a, b);
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(1);

        http.get().uri("/api/v1/batches/{id}/locations", batch.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items[0].quantity").isEqualTo("6.5000")
                .jsonPath("$.items[1].quantity").isEqualTo("3.5000");
        http.get().uri("/api/v1/inventory/movements/{id}", movements.get(0).id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.locationId").isEqualTo(a);
    }

    @Test
    void transferRowsCannotBeReversed() {
        TestBatch batch = fixtures.batch("LIVE", "4");
        long a = fixtures.location();
        long b = fixtures.location();
        fixtures.place(batch.id(), a, "4");
        transfer(batch.id(), a, b, "1", null).expectStatus().isOk();
        long movementId = fixtures.movements(batch.id()).get(0).id();

        http.post().uri("/api/v1/inventory/movements/{id}/reverse", movementId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "oops")).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("4");
        assertThat(fixtures.movementCount(batch.id())).isEqualTo(2);
    }

    @Test
    void badTransfersAreRefusedAndChangeNothing() {
        TestBatch batch = fixtures.batch("LIVE", "5");
        long a = fixtures.location();
        long b = fixtures.location();
        fixtures.place(batch.id(), a, "2");
        fixtures.place(batch.id(), b, "3");

        transfer(batch.id(), a, b, "2.0001", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");
        transfer(batch.id(), a, a, "1", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED");
        transfer(batch.id(), a, 987654321L, "1", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("toLocationId");
        transfer(batch.id(), 987654321L, b, "1", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("fromLocationId");
        transfer(batch.id(), a, b, "0", null).expectStatus().isBadRequest();
        transfer(batch.id(), a, b, "-1", null).expectStatus().isBadRequest();
        transfer(batch.id(), a, b, "0.00001", null).expectStatus().isBadRequest();
        http.post().uri("/api/v1/batches/{id}/transfers", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromLocationId", a, "quantity", "1")).exchange()
                .expectStatus().isBadRequest();
        transfer(987654321L, a, b, "1", null).expectStatus().isNotFound();

        // A location the batch was never placed at holds nothing.
        long c = fixtures.location();
        transfer(batch.id(), c, a, "1", null).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");

        Map<Long, BigDecimal> locations = fixtures.locationQuantities(batch.id());
        assertThat(locations).hasSize(2);
        assertThat(locations.get(a)).isEqualByComparingTo("2");
        assertThat(locations.get(b)).isEqualByComparingTo("3");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("5");
        assertThat(fixtures.movementCount(batch.id())).isZero();
        assertThat(fixtures.auditCount(batch.id())).isZero();
    }

    @Test
    void onHandChangesFollowTheFullestLocationRule() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        long a = fixtures.location();
        long b = fixtures.location();
        fixtures.place(batch.id(), a, "4");
        fixtures.place(batch.id(), b, "6");

        // Decrease: fullest (b) first, spilling into a.
        post(batch.id(), "disposals", Map.of("quantity", "7", "reason", "mould")).expectStatus().isOk();
        assertLocations(batch.id(), a, "3", b, "0");
        // Increase: to the fullest (a).
        post(batch.id(), "adjustments", Map.of("mode", "RELATIVE", "quantity", "2", "reason", "found"))
                .expectStatus().isOk();
        assertLocations(batch.id(), a, "5", b, "0");
        // Absolute count and samples use the same rule.
        post(batch.id(), "adjustments", Map.of("mode", "ABSOLUTE", "quantity", "4", "reason", "count",
                "version", fixtures.version(batch.id()))).expectStatus().isOk();
        assertLocations(batch.id(), a, "4", b, "0");
        post(batch.id(), "samples", Map.of("quantity", "1")).expectStatus().isOk();
        assertLocations(batch.id(), a, "3", b, "0");
        post(batch.id(), "samples/return", Map.of("quantity", "1")).expectStatus().isOk();
        assertLocations(batch.id(), a, "4", b, "0");
        // Bucket moves that keep on-hand do not touch locations.
        post(batch.id(), "hold", Map.of("quantity", "1")).expectStatus().isOk();
        assertLocations(batch.id(), a, "4", b, "0");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("4");
    }

    @Test
    void aBatchsLocationsAreListedInKeysetPagesByLocationId() {
        TestBatch batch = fixtures.batch("LIVE", "15");
        List<Long> locations = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            long location = fixtures.location();
            fixtures.place(batch.id(), location, String.valueOf(i));
            locations.add(location);
        }

        List<List<Map<String, Object>>> pages = Pages.all(http, "/api/v1/batches/" + batch.id() + "/locations", 2);

        assertThat(pages).hasSize(3);
        List<Map<String, Object>> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(row -> ((Number) row.get("locationId")).longValue())
                .containsExactlyElementsOf(locations);
        assertThat(all).extracting(row -> row.get("quantity"))
                .containsExactly("1.0000", "2.0000", "3.0000", "4.0000", "5.0000");
    }

    @Test
    void anUnplacedBatchKeepsWorkingWithoutLocationRows() {
        TestBatch batch = fixtures.batch("LIVE", "3");
        post(batch.id(), "adjustments", Map.of("mode", "RELATIVE", "quantity", "-1", "reason", "lost"))
                .expectStatus().isOk();
        assertThat(fixtures.locationQuantities(batch.id())).isEmpty();
        http.get().uri("/api/v1/batches/{id}/locations", batch.id()).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.items.length()").isEqualTo(0);
        http.get().uri("/api/v1/batches/987654321/locations").exchange().expectStatus().isNotFound();
    }

    private void assertLocations(long batchId, long a, String qtyA, long b, String qtyB) {
        Map<Long, BigDecimal> locations = fixtures.locationQuantities(batchId);
        assertThat(locations.get(a)).as("location a").isEqualByComparingTo(qtyA);
        assertThat(locations.get(b)).as("location b").isEqualByComparingTo(qtyB);
        assertThat(locations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(fixtures.quantities(batchId).get("onHand"));
    }

    private WebTestClient.ResponseSpec transfer(long batchId, long from, long to, String quantity, String reason) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("fromLocationId", from, "toLocationId", to,
                "quantity", quantity));
        if (reason != null) {
            body.put("reason", reason);
        }
        return post(batchId, "transfers", body);
    }

    private WebTestClient.ResponseSpec post(long id, String path, Map<String, ?> body) {
        return http.post().uri("/api/v1/batches/{id}/" + path, id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
