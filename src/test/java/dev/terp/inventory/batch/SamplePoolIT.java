package dev.terp.inventory.batch;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.inventory.batch.InventoryFixtures.MovementRow;
import dev.terp.support.TestBatch;
import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The sample pool (domain §4.2, §4.15): fed from available on-hand, returned to it, and the sample flags. */
@IntegrationTest
class SamplePoolIT {

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
    void movingToSamplesWritesBothBucketsAsSampleMovements() {
        TestBatch batch = fixtures.batch("LIVE", "10", "3", "0", "0");

        post(batch.id(), "samples", Map.of("quantity", "2.5", "reason", "trade show"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.onHandQty").isEqualTo("7.5000")
                .jsonPath("$.sampleQty").isEqualTo("2.5000")
                .jsonPath("$.availableQty").isEqualTo("4.5000");

        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("7.5");
        assertThat(fixtures.sampleQty(batch.id())).isEqualByComparingTo("2.5");
        List<MovementRow> movements = fixtures.movements(batch.id());
        assertThat(movements).hasSize(2).extracting(MovementRow::type).containsOnly("SAMPLE");
        assertThat(movements).extracting(MovementRow::bucket).containsExactly("ON_HAND", "SAMPLE");
        assertThat(movements.get(0).change()).isEqualByComparingTo("-2.5");
        assertThat(movements.get(0).before()).isEqualByComparingTo("10");
        assertThat(movements.get(1).change()).isEqualByComparingTo("2.5");
        assertThat(movements.get(1).after()).isEqualByComparingTo("2.5");
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(1);

        post(batch.id(), "samples/return", Map.of("quantity", "1"))
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.onHandQty").isEqualTo("8.5000")
                .jsonPath("$.sampleQty").isEqualTo("1.5000");
        assertThat(fixtures.movements(batch.id())).hasSize(4);
        assertThat(fixtures.sampleQty(batch.id())).isEqualByComparingTo("1.5");
    }

    @Test
    void moreThanAvailableOrThanThePoolHoldsIsAConflictAndWritesNothing() {
        TestBatch batch = fixtures.batch("LIVE", "10", "8", "0", "0");

        post(batch.id(), "samples", Map.of("quantity", "2.0001")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");
        post(batch.id(), "samples/return", Map.of("quantity", "1")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");

        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("10");
        assertThat(fixtures.sampleQty(batch.id())).isEqualByComparingTo("0");
        assertThat(fixtures.movementCount(batch.id())).isZero();
        assertThat(fixtures.version(batch.id())).isZero();
    }

    @Test
    void badSampleRequests() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        post(batch.id(), "samples", Map.of("quantity", "0")).expectStatus().isBadRequest();
        post(batch.id(), "samples", Map.of("quantity", "-1")).expectStatus().isBadRequest();
        post(batch.id(), "samples", Map.of("quantity", "1.00001")).expectStatus().isBadRequest();
        post(batch.id(), "samples", Map.of("reason", "x")).expectStatus().isBadRequest();
        post(batch.id(), "samples/return", Map.of("quantity", "abc")).expectStatus().isBadRequest();
        post(987654321L, "samples", Map.of("quantity", "1")).expectStatus().isNotFound();
        assertThat(fixtures.movementCount(batch.id())).isZero();
    }

    @Test
    void sampleMovementsAreNotReversible() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        post(batch.id(), "samples", Map.of("quantity", "1")).expectStatus().isOk();
        for (MovementRow movement : fixtures.movements(batch.id())) {
            http.post().uri("/api/v1/inventory/movements/{id}/reverse", movement.id())
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "undo")).exchange()
                    .expectStatus().isEqualTo(409);
        }
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("9");
        assertThat(fixtures.movementCount(batch.id())).isEqualTo(2);
    }

    @Test
    void sampleFlagsAreOptimisticallyVersioned() {
        TestBatch batch = fixtures.batch("LIVE", "10");

        put(batch.id(), Map.of("sampleOnly", true, "sampleAvailable", true, "version", 0))
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.sampleOnly").isEqualTo(true)
                .jsonPath("$.sampleAvailable").isEqualTo(true);
        assertThat(fixtures.version(batch.id())).isEqualTo(1);
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(1);

        // Stale version.
        put(batch.id(), Map.of("sampleOnly", false, "sampleAvailable", false, "version", 0))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        // No version at all.
        put(batch.id(), Map.of("sampleOnly", false, "sampleAvailable", false)).expectStatus().isEqualTo(428);
        // Missing flag, wrong type.
        put(batch.id(), Map.of("sampleOnly", false, "version", 1)).expectStatus().isBadRequest();
        put(batch.id(), Map.of("sampleOnly", "maybe", "sampleAvailable", false, "version", 1))
                .expectStatus().isBadRequest();
        put(987654321L, Map.of("sampleOnly", false, "sampleAvailable", false, "version", 0))
                .expectStatus().isNotFound();

        // If-Match works as well.
        http.put().uri("/api/v1/batches/{id}/sample-flags", batch.id()).header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("sampleOnly", false, "sampleAvailable", true)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sampleOnly").isEqualTo(false).jsonPath("$.version").isEqualTo(2);
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(2);
    }

    private WebTestClient.ResponseSpec put(long id, Map<String, ?> body) {
        return http.put().uri("/api/v1/batches/{id}/sample-flags", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec post(long id, String path, Map<String, ?> body) {
        return http.post().uri("/api/v1/batches/{id}/" + path, id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }
}
