package dev.terp.inventory.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.terp.support.TestBatch;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/batches/bulk-status: every transition checked first, then all written, or none. */
@IntegrationTest
class BulkStatusIT {

    private static final String PATH = "/api/v1/batches/bulk-status";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(db);
    }

    @Test
    void movesEveryBatchAndAuditsEachChange() {
        TestBatch a = fixtures.batch("LIVE", "5");
        TestBatch b = fixtures.batch("QUARANTINED", "2");
        TestBatch c = fixtures.batch("ON_HOLD", "0");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(b.id(), a.id(), c.id()), "status", "ON_HOLD", "reason", "count"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(3)
                .jsonPath("$.items[0].id").isEqualTo(b.id())
                .jsonPath("$.items[1].id").isEqualTo(a.id())
                .jsonPath("$.items[0].status").isEqualTo("ON_HOLD")
                .jsonPath("$.items[1].status").isEqualTo("ON_HOLD");
        assertThat(fixtures.status(a.id())).isEqualTo("ON_HOLD");
        assertThat(fixtures.status(b.id())).isEqualTo("ON_HOLD");
        assertThat(auditCount(a.id())).isEqualTo(1);
        assertThat(auditCount(b.id())).isEqualTo(1);
        // Already in the target status: a no-op, as with the single-batch endpoint.
        assertThat(auditCount(c.id())).isZero();
        assertThat(fixtures.version(c.id())).isZero();
    }

    @Test
    void oneIllegalTransitionChangesNothing() {
        TestBatch ok1 = fixtures.batch("LIVE", "5");
        TestBatch closed = fixtures.batch("CLOSED", "0");
        TestBatch ok2 = fixtures.batch("ON_HOLD", "1");
        TestBatch stocked = fixtures.batch("QUARANTINED", "3");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(ok1.id(), closed.id(), ok2.id()), "status", "QUARANTINED"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("batchIds[1]");
        // Re-read from the database: the legal ones were not written either.
        assertThat(fixtures.status(ok1.id())).isEqualTo("LIVE");
        assertThat(fixtures.status(ok2.id())).isEqualTo("ON_HOLD");
        assertThat(fixtures.status(closed.id())).isEqualTo("CLOSED");
        assertThat(fixtures.version(ok1.id())).isZero();
        assertThat(auditCount(ok1.id())).isZero();

        // CLOSED only at zero on-hand; LIVE → CLOSED is not a transition at all. Both named.
        TestBatch empty = fixtures.batch("QUARANTINED", "0");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(empty.id(), stocked.id(), ok1.id()), "status", "CLOSED"))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.errors.length()").isEqualTo(2)
                .jsonPath("$.errors[0].field").isEqualTo("batchIds[1]")
                .jsonPath("$.errors[1].field").isEqualTo("batchIds[2]");
        assertThat(fixtures.status(empty.id())).isEqualTo("QUARANTINED");
        assertThat(fixtures.status(stocked.id())).isEqualTo("QUARANTINED");
    }

    @Test
    void unknownIdsAre400AndChangeNothing() {
        TestBatch live = fixtures.batch("LIVE", "1");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(live.id(), 987654321L), "status", "ON_HOLD"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("batchIds[1]");
        assertThat(fixtures.status(live.id())).isEqualTo("LIVE");
    }

    @Test
    void duplicatesEmptyAndOversizedListsAre400() {
        TestBatch live = fixtures.batch("LIVE", "1");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(live.id(), live.id()), "status", "ON_HOLD"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("batchIds[1]");
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(), "status", "ON_HOLD"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("batchIds");
        List<Long> tooMany = new ArrayList<>(LongStream.rangeClosed(1, 201).boxed().toList());
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", tooMany, "status", "ON_HOLD"))
                .exchange()
                .expectStatus().isBadRequest();
        http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(live.id()), "status", "NOPE"))
                .exchange()
                .expectStatus().isBadRequest();
        assertThat(fixtures.status(live.id())).isEqualTo("LIVE");
    }

    private long auditCount(long batchId) {
        return rows.count("SELECT COUNT(*) AS n FROM audit_logs WHERE entity = 'Batch' AND entity_id = :id "
                        + "AND action = 'STATUS_CHANGED'", Map.of("id", batchId));
    }
}
