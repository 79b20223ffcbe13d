package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

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

/**
 * The roadmap's "location capacity" and "batch expiration" edge cases. Capacity semantics (LocationStock.Occupancy):
 * a location holds at most its capacity in units over all batches; every addition is checked (intake, transfer in,
 * on-hand increases placed there); removals never are; a lowered capacity keeps the stock but blocks additions.
 */
@IntegrationTest
class StockLimitsIT {

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
    void locationCapacityLimitsTransfersInAndOnHandIncreasesButNeverRemovals() {
        long limited = fixtures.location("10");
        long other = fixtures.location();
        TestBatch first = fixtures.batch("LIVE", "8");
        fixtures.place(first.id(), limited, "8");
        TestBatch second = fixtures.batch("LIVE", "5");
        fixtures.place(second.id(), other, "5");

        transfer(second.id(), other, limited, "2").expectStatus().isOk();
        assertThat(fixtures.heldAt(limited)).isEqualByComparingTo("10");

        transfer(second.id(), other, limited, "0.0001").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("LOCATION_CAPACITY_EXCEEDED")
                .jsonPath("$.detail").isEqualTo("Location " + limited
                        + " holds 10.0000 of 10.0000; 0.0001 more do not fit");
        // An increase of the first batch goes to its fullest location, the full one: refused, nothing written.
        adjust(first.id(), "1").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("LOCATION_CAPACITY_EXCEEDED");
        assertThat(fixtures.quantities(first.id()).get("onHand")).isEqualByComparingTo("8");
        assertThat(fixtures.movementCount(first.id())).isZero();
        assertThat(fixtures.locationQuantities(second.id())).containsEntry(other, new BigDecimal("3.0000"));

        // Removals always fit, and free room for the next addition.
        adjust(first.id(), "-3").expectStatus().isOk();
        transfer(second.id(), other, limited, "3").expectStatus().isOk();
        assertThat(fixtures.heldAt(limited)).isEqualByComparingTo("10");
    }

    @Test
    void aLoweredCapacityKeepsTheStockButRefusesMore() {
        long limited = fixtures.location("100");
        long other = fixtures.location();
        TestBatch batch = fixtures.batch("LIVE", "60");
        fixtures.place(batch.id(), limited, "50");
        fixtures.place(batch.id(), other, "10");
        rows.update("UPDATE locations SET capacity = 40 WHERE id = :id", Map.of("id", limited));

        transfer(batch.id(), other, limited, "1").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Location " + limited
                        + " holds 50.0000 of 40.0000; 1.0000 more do not fit");
        transfer(batch.id(), limited, other, "30").expectStatus().isOk();
        assertThat(fixtures.heldAt(limited)).isEqualByComparingTo("20");
        // The increase now goes to the fullest location, `other` (40), which is unlimited.
        adjust(batch.id(), "100").expectStatus().isOk();
        assertThat(fixtures.locationQuantities(batch.id())).containsEntry(other, new BigDecimal("140.0000"));
        transfer(batch.id(), other, limited, "20").expectStatus().isOk();
        transfer(batch.id(), other, limited, "0.0001").expectStatus().isEqualTo(409);
    }

    @Test
    void locationCapacityBoundsIntakeAndAFailedIntakeWritesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String site = "Cap Site " + tag;
        String category = "Cap Cat " + tag;
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        http.post().uri("/api/v1/locations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("site", site, "capacity", "100"))
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.capacity").isEqualTo("100.0000");

        intake(site, category, "60").expectStatus().isCreated();
        long batchesBefore = count("SELECT COUNT(*) AS n FROM batches");
        long lotsBefore = count("SELECT COUNT(*) AS n FROM lots");
        intake(site, category, "40.0001").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("LOCATION_CAPACITY_EXCEEDED");
        assertThat(count("SELECT COUNT(*) AS n FROM batches")).isEqualTo(batchesBefore);
        assertThat(count("SELECT COUNT(*) AS n FROM lots")).isEqualTo(lotsBefore);
        intake(site, category, "40").expectStatus().isCreated();
    }

    @Test
    void batchExpirationStopsNewReservationsFromTheDayAfterButNotOtherChanges() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        TestBatch expired = fixtures.batch("LIVE", "10");
        fixtures.expiresOn(expired.id(), today.minusDays(1));
        TestBatch lastDay = fixtures.batch("LIVE", "10");
        fixtures.expiresOn(lastDay.id(), today);

        reserve(expired.id(), "1").expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.code").isEqualTo("BATCH_EXPIRED")
                .jsonPath("$.detail").isEqualTo("Batch " + expired.id() + " expired on " + today.minusDays(1)
                        + "; expired stock cannot be reserved");
        assertThat(fixtures.quantities(expired.id()).get("reserved")).isEqualByComparingTo("0");
        reserve(lastDay.id(), "1").expectStatus().isOk();

        // A corrected expiration date makes the batch reservable again.
        correctDetails(expired.id(), Map.of("expirationDate", today.toString()), "\"0\"").expectStatus().isOk();
        reserve(expired.id(), "1").expectStatus().isOk();
        correctDetails(expired.id(), Map.of("expirationDate", today.minusDays(1).toString()), "\"2\"")
                .expectStatus().isOk();
        // What is held stays the holder's to give back, expired or not.
        http.post().uri("/api/v1/batches/{id}/reservations/release", expired.id())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(reservation("1")).exchange()
                .expectStatus().isOk();

        // Expired stock can still be counted, quarantined or disposed of.
        adjust(expired.id(), "-2").expectStatus().isOk();
        http.post().uri("/api/v1/batches/{id}/disposals", expired.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("quantity", "8", "reason", "expired")).exchange()
                .expectStatus().isOk();
        assertThat(fixtures.quantities(expired.id()).get("onHand")).isEqualByComparingTo("0");
    }

    @Test
    void availabilityAnswersWhatAReservationWouldWithoutReserving() {
        TestBatch batch = fixtures.batch("LIVE", "10", "2", "0", "0");
        availability(batch.id(), "8").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.batchId").isEqualTo(batch.id())
                .jsonPath("$.availableQty").isEqualTo("8.0000")
                .jsonPath("$.requestedQty").isEqualTo("8.0000")
                .jsonPath("$.sufficient").isEqualTo(true)
                .jsonPath("$.refusalCode").doesNotExist();
        availability(batch.id(), "8.0001").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sufficient").isEqualTo(false)
                .jsonPath("$.refusalCode").isEqualTo("INSUFFICIENT_INVENTORY")
                .jsonPath("$.refusalDetail").isEqualTo("Batch " + batch.id()
                        + " has 8.0000 available, 8.0001 requested");
        reserve(batch.id(), "8.0001").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Batch " + batch.id()
                        + " has 8.0000 available, 8.0001 requested");
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("2");

        TestBatch expired = fixtures.batch("LIVE", "10");
        fixtures.expiresOn(expired.id(), LocalDate.now(ZoneOffset.UTC).minusDays(1));
        availability(expired.id(), "1").expectStatus().isOk()
                .expectBody().jsonPath("$.refusalCode").isEqualTo("BATCH_EXPIRED");
        TestBatch held = fixtures.batch("ON_HOLD", "10");
        availability(held.id(), "1").expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("ON_HOLD")
                .jsonPath("$.refusalCode").isEqualTo("BATCH_NOT_SELLABLE");

        for (String bad : new String[] {"0", "-1", "abc", "1.00001", ""}) {
            availability(batch.id(), bad).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        }
        http.get().uri("/api/v1/batches/{id}/availability", batch.id()).exchange()
                .expectStatus().isBadRequest();
        availability(987654321L, "1").expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec availability(long batchId, String quantity) {
        return http.get().uri("/api/v1/batches/{id}/availability?quantity={q}", batchId, quantity).exchange();
    }

    @Test
    void detailsReplaceGradeAndExpiryUnderTheBatchVersion() {
        TestBatch batch = fixtures.batch("LIVE", "5");
        long gradeId = rows.insert("INSERT INTO grades (name) VALUES (:name)",
                Map.of("name", "Limits G" + UUID.randomUUID().toString().substring(0, 8)));

        correctDetails(batch.id(), Map.of("gradeId", gradeId, "expirationDate", "2027-03-31"), null)
                .expectStatus().isEqualTo(428);
        correctDetails(batch.id(), Map.of("gradeId", gradeId, "expirationDate", "2027-03-31"), "\"0\"")
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody()
                .jsonPath("$.gradeId").isEqualTo(gradeId)
                .jsonPath("$.expirationDate").isEqualTo("2027-03-31");
        correctDetails(batch.id(), Map.of("expirationDate", "2027-04-01"), "\"0\"")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        correctDetails(batch.id(), Map.of("gradeId", 987654321L), "\"1\"")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("gradeId");
        correctDetails(batch.id(), Map.of("expirationDate", "2027-02-30"), "\"1\"").expectStatus().isBadRequest();
        correctDetails(batch.id(), Map.of("onHandQty", "999"), "\"1\"").expectStatus().isBadRequest();
        correctDetails(987654321L, Map.of(), "\"0\"").expectStatus().isNotFound();
        assertThat(fixtures.version(batch.id())).isEqualTo(1);

        // A PUT replaces: absent fields are cleared.
        correctDetails(batch.id(), Map.of(), "\"1\"")
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.gradeId").doesNotExist()
                .jsonPath("$.expirationDate").doesNotExist();
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(2);
    }

    private WebTestClient.ResponseSpec correctDetails(long batchId, Map<String, ?> body, String ifMatch) {
        WebTestClient.RequestBodySpec put = http.put().uri("/api/v1/batches/{id}/details", batchId)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            put = put.header("If-Match", ifMatch);
        }
        return put.bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec transfer(long batchId, long from, long to, String quantity) {
        return http.post().uri("/api/v1/batches/{id}/transfers", batchId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("fromLocationId", from, "toLocationId", to, "quantity", quantity))
                .exchange();
    }

    private WebTestClient.ResponseSpec adjust(long batchId, String delta) {
        return http.post().uri("/api/v1/batches/{id}/adjustments", batchId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", delta, "reason", "recount"))
                .exchange();
    }

    private WebTestClient.ResponseSpec reserve(long batchId, String quantity) {
        return http.post().uri("/api/v1/batches/{id}/reservations", batchId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(reservation(quantity))
                .exchange();
    }

    /** A reservation (or release) by hand for the fixtures' holder. */
    private static Map<String, ?> reservation(String quantity) {
        return Map.of("quantity", quantity, "holderType", InventoryFixtures.HOLDER.referenceType(),
                "holderId", InventoryFixtures.HOLDER.referenceId());
    }

    private WebTestClient.ResponseSpec intake(String site, String category, String quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", "Capacity Vendor");
        body.put("brandName", "Capacity Brand");
        body.put("productName", "Capacity Flower");
        body.put("category", category);
        body.put("quantity", quantity);
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "5.00");
        body.put("paymentTerms", "COD");
        body.put("location", Map.of("site", site));
        return http.post().uri("/api/v1/inventory/intake").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange();
    }

    private long count(String sql) {
        return rows.one(sql, Map.of(), row -> row.get("n", Long.class));
    }
}
