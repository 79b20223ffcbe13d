package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import dev.terp.inventory.batch.InventoryFixtures.MovementRow;
import dev.terp.support.TestBatch;
import dev.terp.masterdata.AuditHistory;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.Pages;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class BatchIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Autowired
    ReservationPort reservations;

    InventoryFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new InventoryFixtures(db);
    }

    // ---- reads -------------------------------------------------------------------------------------------------

    @Test
    void getReturnsQuantitiesAndMoneyAsFixedScaleStringsWithETag() {
        TestBatch batch = fixtures.batch("LIVE", "10.5", "2", "1", "0.25");
        http.get().uri("/api/v1/batches/{id}", batch.id()).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"0\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(batch.id())
                .jsonPath("$.code").isEqualTo(batch.code())
                .jsonPath("$.sku").isEqualTo(batch.sku())
                .jsonPath("$.productId").isEqualTo(batch.productId())
                .jsonPath("$.status").isEqualTo("LIVE")
                .jsonPath("$.cogsMode").isEqualTo("FIXED")
                .jsonPath("$.unitCogs").isEqualTo("12.50")
                .jsonPath("$.unitCogsMin").doesNotExist()
                .jsonPath("$.paymentTerms").isEqualTo("COD")
                .jsonPath("$.onHandQty").isEqualTo("10.5000")
                .jsonPath("$.reservedQty").isEqualTo("2.0000")
                .jsonPath("$.quarantineQty").isEqualTo("1.0000")
                .jsonPath("$.holdQty").isEqualTo("0.2500")
                .jsonPath("$.defectiveQty").isEqualTo("0.0000")
                .jsonPath("$.sampleQty").isEqualTo("0.0000")
                .jsonPath("$.availableQty").isEqualTo("7.2500")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.createdAt").value(value -> assertThat((String) value).endsWith("Z"));
    }

    @Test
    void unknownAndMalformedIds() {
        http.get().uri("/api/v1/batches/987654321").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/batches/abc").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
        http.post().uri("/api/v1/batches/0/adjustments").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", "1", "reason", "x")).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/batches/987654321/reservations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(reservation("1")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void listFiltersByStatusProductAndTextAndPagesByCursor() {
        TestBatch live = fixtures.batch("LIVE", "1");
        TestBatch held = fixtures.batch("ON_HOLD", "1");

        List<Map<String, Object>> byProduct = items(http.get().uri(uri -> uri.path("/api/v1/batches")
                .queryParam("productId", live.productId()).build()));
        assertThat(byProduct).extracting(item -> ((Number) item.get("id")).longValue()).containsExactly(live.id());

        List<Map<String, Object>> bySku = items(http.get().uri(uri -> uri.path("/api/v1/batches")
                .queryParam("q", held.sku().toLowerCase()).build()));
        assertThat(bySku).extracting(item -> item.get("code")).containsExactly(held.code());

        List<Map<String, Object>> heldOnes = items(http.get().uri(uri -> uri.path("/api/v1/batches")
                .queryParam("status", "ON_HOLD").queryParam("q", held.code()).build()));
        assertThat(heldOnes).hasSize(1);
        assertThat(items(http.get().uri(uri -> uri.path("/api/v1/batches")
                .queryParam("status", "LIVE").queryParam("q", held.code()).build()))).isEmpty();

        Map<?, ?> first = http.get().uri("/api/v1/batches?limit=1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((List<?>) first.get("items")).hasSize(1);
        assertThat(first.get("nextCursor")).isNotNull();
        Map<?, ?> second = http.get().uri("/api/v1/batches?limit=1&cursor={c}", first.get("nextCursor")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        long firstId = ((Number) ((Map<?, ?>) ((List<?>) first.get("items")).get(0)).get("id")).longValue();
        long secondId = ((Number) ((Map<?, ?>) ((List<?>) second.get("items")).get(0)).get("id")).longValue();
        assertThat(secondId).isGreaterThan(firstId);

        http.get().uri("/api/v1/batches?status=ACTIVE").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        http.get().uri("/api/v1/batches?productId=-1").exchange().expectStatus().isBadRequest();
    }

    // ---- status ------------------------------------------------------------------------------------------------

    @Test
    void statusMovesThroughTheLifecycleAndIsAudited() {
        TestBatch batch = fixtures.batch("AWAITING_INTAKE", "5");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "LIVE", "reason", "Checked in")).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.version").isEqualTo(1);

        List<AuditHistory.Row> audit = AuditHistory.of(http, "Batch", batch.id());
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).action()).isEqualTo("STATUS_CHANGED");
        assertThat(audit.get(0).before().get("status")).isEqualTo("AWAITING_INTAKE");
        assertThat(audit.get(0).after().get("status")).isEqualTo("LIVE");
        assertThat(audit.get(0).actorUsername()).isEqualTo(tokens.adminUsername());

        // The same status again changes nothing and writes nothing.
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "LIVE")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.version").isEqualTo(1);
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(1);
    }

    @Test
    void illegalTransitionIsAConflictAndChangesNothing() {
        TestBatch batch = fixtures.batch("AWAITING_INTAKE", "5");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "SOLD_OUT", "reason", "skip ahead")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION")
                .jsonPath("$.detail").isEqualTo("Batch " + batch.id() + " cannot go from AWAITING_INTAKE to SOLD_OUT");
        assertThat(fixtures.status(batch.id())).isEqualTo("AWAITING_INTAKE");
        assertThat(fixtures.version(batch.id())).isZero();
        assertThat(fixtures.auditCount(batch.id())).isZero();
    }

    @Test
    void unknownStatusesAndUnknownFieldsAreBadRequests() {
        TestBatch batch = fixtures.batch("LIVE", "5");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "ACTIVE")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field").isEqualTo("status");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "ON_HOLD", "version", 7)).exchange()
                .expectStatus().isBadRequest();
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("status");
        assertThat(fixtures.status(batch.id())).isEqualTo("LIVE");
        assertThat(fixtures.auditCount(batch.id())).isZero();
    }

    @Test
    void closingRequiresZeroStock() {
        TestBatch batch = fixtures.batch("QUARANTINED", "5");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "CLOSED", "reason", "done")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION")
                .jsonPath("$.detail").isEqualTo("Batch " + batch.id() + " cannot go from QUARANTINED to CLOSED: "
                        + "it still holds 5.0000 on hand; only a batch with every bucket at zero can be closed");
        assertThat(fixtures.status(batch.id())).isEqualTo("QUARANTINED");

        adjust(batch.id(), "ABSOLUTE", "0", "Destroyed by the lab").expectStatus().isOk();
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "CLOSED", "reason", "done")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CLOSED");

        // Terminal: no way back, and its stock can no longer change.
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "LIVE")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION");
        adjust(batch.id(), "RELATIVE", "1", "found one").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("0");
    }

    // ---- adjustments -------------------------------------------------------------------------------------------

    @Test
    void adjustmentsWriteChainedMovementsAndAuditRows() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        adjust(batch.id(), "RELATIVE", "-2.5", "Broken jars").expectStatus().isOk()
                .expectHeader().valueEquals("ETag", "\"1\"")
                .expectBody().jsonPath("$.onHandQty").isEqualTo("7.5000").jsonPath("$.availableQty").isEqualTo("7.5000");
        adjust(batch.id(), "ABSOLUTE", "12", "Stock count").expectStatus().isOk()
                .expectBody().jsonPath("$.onHandQty").isEqualTo("12.0000");

        List<MovementRow> rows = fixtures.movements(batch.id());
        assertThat(rows).extracting(MovementRow::type).containsExactly("ADJUSTMENT", "ADJUSTMENT");
        assertThat(rows).extracting(MovementRow::bucket).containsOnly("ON_HAND");
        assertThat(rows.get(0).before()).isEqualByComparingTo("10");
        assertThat(rows.get(0).change()).isEqualByComparingTo("-2.5");
        assertThat(rows.get(0).after()).isEqualByComparingTo("7.5");
        assertThat(rows.get(1).before()).isEqualByComparingTo("7.5");
        assertThat(rows.get(1).change()).isEqualByComparingTo("4.5");
        assertThat(rows.get(1).after()).isEqualByComparingTo("12");
        assertThat(rows).extracting(MovementRow::performedBy).containsOnly(adminId());
        assertThat(AuditHistory.actions(http, "Batch", batch.id())).containsExactly("ADJUSTED", "ADJUSTED");
    }

    @Test
    void badAdjustmentsAreRejectedAndWriteNothing() {
        TestBatch batch = fixtures.batch("LIVE", "10", "4", "0", "0");
        adjust(batch.id(), "SIDEWAYS", "1", "x").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("mode");
        adjust(batch.id(), "RELATIVE", "0", "x").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        adjust(batch.id(), "ABSOLUTE", "-1", "x").expectStatus().isBadRequest();
        adjust(batch.id(), "RELATIVE", "1", " ").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        adjust(batch.id(), "RELATIVE", "abc", "x").expectStatus().isBadRequest();
        http.post().uri("/api/v1/batches/{id}/adjustments", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", "1", "reason", "x", "performedBy", 1)).exchange()
                .expectStatus().isBadRequest();
        // Below what is reserved: refused as a stock conflict, not a validation error.
        adjust(batch.id(), "ABSOLUTE", "3.9999", "count").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");
        adjust(batch.id(), "RELATIVE", "-11", "count").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");

        assertNothingWritten(batch.id(), "10");
    }

    // ---- named edge cases --------------------------------------------------------------------------------------

    @Test
    void negativeQuantityIsRejected() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        for (String path : List.of("reservations", "reservations/release", "quarantine", "release-quarantine", "hold",
                "release-hold", "disposals")) {
            post(batch.id(), path, body(path, "-1")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("quantity");
        }
        assertNothingWritten(batch.id(), "10");
    }

    @Test
    void zeroQuantityIsRejected() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        for (String path : List.of("reservations", "reservations/release", "quarantine", "release-quarantine", "hold",
                "release-hold", "disposals")) {
            post(batch.id(), path, body(path, "0")).expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        }
        adjust(batch.id(), "RELATIVE", "0.0000", "r").expectStatus().isBadRequest();
        assertNothingWritten(batch.id(), "10");
    }

    @Test
    void moreThanAvailableIsRejected() {
        TestBatch batch = fixtures.batch("LIVE", "5", "2", "0", "0");
        post(batch.id(), "reservations", reservation("3.0001")).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY")
                .jsonPath("$.detail").isEqualTo("Batch " + batch.id() + " has 3.0000 available, 3.0001 requested");
        post(batch.id(), "quarantine", Map.of("quantity", "4")).expectStatus().isEqualTo(409);
        post(batch.id(), "hold", Map.of("quantity", "4")).expectStatus().isEqualTo(409);
        post(batch.id(), "disposals", Map.of("quantity", "4", "reason", "mould")).expectStatus().isEqualTo(409);
        // The holder can give back only what it holds.
        post(batch.id(), "reservations/release", reservation("2.5")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("RESERVATION_NOT_HELD")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail)
                        .startsWith("MANUAL 1 holds 2.0000 of batch " + batch.id() + ", 2.5000 requested"));
        post(batch.id(), "release-quarantine", Map.of("quantity", "1")).expectStatus().isEqualTo(409);
        post(batch.id(), "release-hold", Map.of("quantity", "1")).expectStatus().isEqualTo(409);

        Map<String, BigDecimal> quantities = fixtures.quantities(batch.id());
        assertThat(quantities.get("onHand")).isEqualByComparingTo("5");
        assertThat(quantities.get("reserved")).isEqualByComparingTo("2");
        assertThat(fixtures.reservations(batch.id())).containsOnlyKeys("MANUAL 1")
                .hasEntrySatisfying("MANUAL 1", held -> assertThat(held).isEqualByComparingTo("2"));
        assertThat(fixtures.movementCount(batch.id())).isZero();
        assertThat(fixtures.auditCount(batch.id())).isZero();
    }

    @Test
    void decimalPrecisionFourPlacesAcceptedFiveRejected() {
        TestBatch batch = fixtures.batch("LIVE", "1");
        post(batch.id(), "reservations", reservation("0.001")).expectStatus().isOk()
                .expectBody().jsonPath("$.reservedQty").isEqualTo("0.0010");
        // A JSON number is accepted as well as a string.
        post(batch.id(), "reservations", reservation(new BigDecimal("0.0001"))).expectStatus().isOk()
                .expectBody().jsonPath("$.reservedQty").isEqualTo("0.0011");
        post(batch.id(), "reservations", reservation("0.00001")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
        post(batch.id(), "reservations", reservation(new BigDecimal("0.00001"))).expectStatus().isBadRequest();
        adjust(batch.id(), "RELATIVE", "1.00001", "r").expectStatus().isBadRequest();
        post(batch.id(), "reservations", reservation("123456789012")).expectStatus().isBadRequest();

        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("0.0011");
        assertThat(fixtures.reservedByHolders(batch.id())).isEqualByComparingTo("0.0011");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("1");
        assertThat(fixtures.movementCount(batch.id())).isEqualTo(2);
    }

    // ---- buckets -----------------------------------------------------------------------------------------------

    @Test
    void quarantineHoldAndDisposalMoveStockBetweenBuckets() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        post(batch.id(), "quarantine", Map.of("quantity", "3", "reason", "Lab retest")).expectStatus().isOk()
                .expectBody().jsonPath("$.quarantineQty").isEqualTo("3.0000").jsonPath("$.availableQty").isEqualTo("7.0000");
        post(batch.id(), "hold", Map.of("quantity", 2)).expectStatus().isOk()
                .expectBody().jsonPath("$.holdQty").isEqualTo("2.0000").jsonPath("$.availableQty").isEqualTo("5.0000");
        post(batch.id(), "release-quarantine", Map.of("quantity", "1")).expectStatus().isOk()
                .expectBody().jsonPath("$.quarantineQty").isEqualTo("2.0000");
        post(batch.id(), "release-hold", Map.of("quantity", "2")).expectStatus().isOk()
                .expectBody().jsonPath("$.holdQty").isEqualTo("0.0000");
        post(batch.id(), "disposals", Map.of("quantity", "1.5")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post(batch.id(), "disposals", Map.of("quantity", "1.5", "reason", "Mould")).expectStatus().isOk()
                .expectBody().jsonPath("$.onHandQty").isEqualTo("8.5000").jsonPath("$.availableQty").isEqualTo("6.5000");

        assertThat(fixtures.movements(batch.id())).extracting(MovementRow::type).containsExactly("QUARANTINE", "HOLD",
                "RELEASE_FROM_QUARANTINE", "RELEASE_FROM_HOLD", "DISPOSAL");
        assertThat(fixtures.movements(batch.id())).extracting(MovementRow::bucket).containsExactly("QUARANTINE",
                "HOLD", "QUARANTINE", "HOLD", "ON_HAND");
        assertThat(AuditHistory.actions(http, "Batch", batch.id())).containsExactly("DISPOSED", "RELEASED_FROM_HOLD",
                "RELEASED_FROM_QUARANTINE", "HELD", "QUARANTINED");
    }

    @Test
    void reservationsAreListedInKeysetPagesInTheOrderTheHoldersReserved() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        List<Integer> holders = List.of(905, 901, 903, 902, 904);
        for (int holder : holders) {
            post(batch.id(), "reservations", Map.of("quantity", "1.5", "holderType", "MANUAL", "holderId", holder))
                    .expectStatus().isOk();
        }

        List<List<Map<String, Object>>> pages = Pages.all(http, "/api/v1/batches/" + batch.id() + "/reservations", 2);

        assertThat(pages).hasSize(3);
        List<Map<String, Object>> all = pages.stream().flatMap(List::stream).toList();
        assertThat(all).extracting(row -> row.get("holderId")).containsExactlyElementsOf(holders);
        assertThat(all.stream().map(row -> new BigDecimal((String) row.get("quantity")))
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("7.5");
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("7.5");
    }

    @Test
    void reservationsAndReleasesRecordTheirReference() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        post(batch.id(), "reservations", Map.of("quantity", "4", "holderType", "MANUAL", "holderId", 77,
                "reason", "Held for the Friday pickup"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reservedQty").isEqualTo("4.0000").jsonPath("$.availableQty").isEqualTo("6.0000");
        post(batch.id(), "reservations/release", reservation("1.5", 77)).expectStatus().isOk()
                .expectBody().jsonPath("$.reservedQty").isEqualTo("2.5000");
        // Another holder cannot release what MANUAL 77 holds.
        post(batch.id(), "reservations/release", reservation("1", 78)).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("RESERVATION_NOT_HELD");

        List<MovementRow> rows = fixtures.movements(batch.id());
        assertThat(rows).extracting(MovementRow::type).containsExactly("RESERVATION", "RELEASE_OF_RESERVATION");
        assertThat(rows).extracting(MovementRow::bucket).containsOnly("RESERVED");
        assertThat(rows).extracting(MovementRow::referenceType).containsOnly("MANUAL");
        assertThat(rows).extracting(MovementRow::referenceId).containsOnly(77L);
        assertThat(rows.get(1).before()).isEqualByComparingTo(rows.get(0).after());
        assertThat(AuditHistory.actions(http, "Batch", batch.id()))
                .containsExactly("RESERVATION_RELEASED", "RESERVED");

        http.get().uri("/api/v1/batches/{id}/reservations", batch.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].batchId").isEqualTo(batch.id())
                .jsonPath("$.items[0].holderType").isEqualTo("MANUAL")
                .jsonPath("$.items[0].holderId").isEqualTo(77)
                .jsonPath("$.items[0].quantity").isEqualTo("2.5000");
    }

    @Test
    void reservationsByHandNameAManualHolder() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        post(batch.id(), "reservations", Map.of("quantity", "1")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat(((List<?>) fields).stream()
                        .map(String::valueOf).toList()).containsExactlyInAnyOrder("holderType", "holderId"));
        post(batch.id(), "reservations", Map.of("quantity", "1", "holderType", "ORDER_LINE", "holderId", 5))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("holderType");
        post(batch.id(), "reservations", Map.of("quantity", "1", "holderType", "MANUAL", "holderId", 0))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("holderId");
        post(batch.id(), "reservations/release", Map.of("quantity", "1", "holderType", "ORDER_LINE", "holderId", 5))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("holderType");
        assertNothingWritten(batch.id(), "10");
    }

    @Test
    void onlyLiveStockCanBeReserved() {
        TestBatch batch = fixtures.batch("QUARANTINED", "10");
        post(batch.id(), "reservations", reservation("1")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("BATCH_NOT_SELLABLE");
        assertNothingWritten(batch.id(), "10");
    }

    @Test
    void consumingAReservationThroughThePortRecordsASaleOnBothBuckets() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        StockReference order = StockReference.of("ORDER_LINE", 9L);
        Context clerk = Context.of(RequestContext.class, new RequestContext(
                new Actor(31337L, "sales-sam", Set.of(Role.SALES)), null, null, null));
        reservations.reserve(batch.id(), new BigDecimal("4"), order)
                .then(reservations.consume(batch.id(), new BigDecimal("3"), new BigDecimal("20.00"), order))
                .contextWrite(clerk)
                .as(StepVerifier::create)
                .assertNext(after -> {
                    assertThat(after.onHandQty()).isEqualByComparingTo("7");
                    assertThat(after.reservedQty()).isEqualByComparingTo("1");
                    assertThat(after.status().name()).isEqualTo("LIVE");
                })
                .verifyComplete();
        assertThat(fixtures.reservations(batch.id())).containsOnlyKeys("ORDER_LINE 9")
                .hasEntrySatisfying("ORDER_LINE 9", held -> assertThat(held).isEqualByComparingTo("1"));
        List<MovementRow> rows = fixtures.movements(batch.id());
        assertThat(rows).extracting(MovementRow::type).containsExactly("RESERVATION", "SALE", "SALE");
        assertThat(rows.subList(1, 3)).extracting(MovementRow::bucket).containsExactly("ON_HAND", "RESERVED");
        assertThat(rows).extracting(MovementRow::performedBy).containsOnly(31337L);
        assertThat(rows).extracting(MovementRow::referenceType).containsOnly("ORDER_LINE");
        assertThat(rows).extracting(MovementRow::referenceId).containsOnly(9L);
        assertThat(fixtures.auditCount(batch.id())).isEqualTo(2);
    }

    @Test
    void thePortRefusesToConsumeMoreThanIsReservedOrToActWithoutAUser() {
        TestBatch batch = fixtures.batch("LIVE", "10", "2", "0", "0");
        Context clerk = Context.of(RequestContext.class, new RequestContext(
                new Actor(31337L, "sales-sam", Set.of(Role.SALES)), null, null, null));
        reservations.consume(batch.id(), new BigDecimal("3"), BigDecimal.TEN, InventoryFixtures.HOLDER)
                .contextWrite(clerk)
                .as(StepVerifier::create)
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOf(ApiException.class)
                        .hasMessageStartingWith("MANUAL 1 holds 2.0000 of batch " + batch.id() + ", 3.0000 requested")
                        .satisfies(problem -> assertThat(((ApiException) problem).code())
                                .isEqualTo(ErrorCode.RESERVATION_NOT_HELD)))
                .verify();
        // Stock reserved by one holder is not another's to sell.
        reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, StockReference.of("ORDER_LINE", 5L))
                .contextWrite(clerk)
                .as(StepVerifier::create)
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOf(ApiException.class)
                        .satisfies(problem -> assertThat(((ApiException) problem).code())
                                .isEqualTo(ErrorCode.RESERVATION_NOT_HELD)))
                .verify();
        // Deferred: the port checks its arguments before it builds the Mono.
        Mono.defer(() -> reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, StockReference.NONE))
                .contextWrite(clerk)
                .as(StepVerifier::create)
                .expectError(ValidationException.class)
                .verify();
        reservations.reserve(batch.id(), BigDecimal.ONE, InventoryFixtures.HOLDER)
                .as(StepVerifier::create)
                .expectErrorSatisfies(refused -> assertThat(refused)
                        .isInstanceOf(ApiException.class).hasMessageContaining("authenticated user"))
                .verify();
        assertThat(fixtures.movementCount(batch.id())).isZero();
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("2");
    }

    // ---- movements ---------------------------------------------------------------------------------------------

    @Test
    void movementHistoryIsNewestFirstAndPaged() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        adjust(batch.id(), "RELATIVE", "1", "a").expectStatus().isOk();
        adjust(batch.id(), "RELATIVE", "2", "b").expectStatus().isOk();
        adjust(batch.id(), "RELATIVE", "3", "c").expectStatus().isOk();

        Map<?, ?> first = http.get().uri("/api/v1/inventory/movements?batchId={id}&limit=2", batch.id()).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<?> items = (List<?>) first.get("items");
        assertThat(items.stream().<Object>map(item -> ((Map<?, ?>) item).get("reason")).toList())
                .containsExactly("c", "b");
        Map<?, ?> newest = (Map<?, ?>) items.get(0);
        assertThat(newest.get("quantityChange")).isEqualTo("3.0000");
        assertThat(newest.get("quantityBefore")).isEqualTo("13.0000");
        assertThat(newest.get("quantityAfter")).isEqualTo("16.0000");
        assertThat(newest.get("movementType")).isEqualTo("ADJUSTMENT");
        assertThat(newest.get("bucket")).isEqualTo("ON_HAND");
        assertThat(((Number) newest.get("performedBy")).longValue()).isEqualTo(adminId());

        Map<?, ?> second = http.get().uri("/api/v1/inventory/movements?batchId={id}&limit=2&cursor={c}",
                batch.id(), first.get("nextCursor")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) second.get("items")).stream().<Object>map(item -> ((Map<?, ?>) item).get("reason"))
                .toList())
                .containsExactly("a");
        assertThat(second.get("nextCursor")).isNull();

        http.get().uri("/api/v1/inventory/movements").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("batchId");
        http.get().uri("/api/v1/inventory/movements?batchId=x").exchange().expectStatus().isBadRequest();
        http.get().uri("/api/v1/inventory/movements?batchId=987654321").exchange().expectStatus().isNotFound();
    }

    @Test
    void reversingAMovementAppliesTheOppositeOnceAndOnlyIfStockAllows() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        adjust(batch.id(), "RELATIVE", "-4", "Miscount").expectStatus().isOk();
        long adjustment = fixtures.movements(batch.id()).get(0).id();

        http.post().uri("/api/v1/inventory/movements/{id}/reverse", adjustment).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Was right after all")).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/inventory/movements/\\d+")
                .expectBody()
                .jsonPath("$.movementType").isEqualTo("ADJUSTMENT")
                .jsonPath("$.quantityChange").isEqualTo("4.0000")
                .jsonPath("$.quantityBefore").isEqualTo("6.0000")
                .jsonPath("$.quantityAfter").isEqualTo("10.0000")
                .jsonPath("$.reversesMovementId").isEqualTo(adjustment)
                .jsonPath("$.referenceType").isEqualTo("InventoryMovement")
                .jsonPath("$.referenceId").isEqualTo(adjustment);
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("10");

        http.post().uri("/api/v1/inventory/movements/{id}/reverse", adjustment).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "again")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT")
                .jsonPath("$.detail").isEqualTo("Movement " + adjustment + " has already been reversed");

        // Reversing the +5 found after 8 were reserved would leave less on hand than is reserved.
        adjust(batch.id(), "RELATIVE", "5", "Found").expectStatus().isOk();
        long found = fixtures.movements(batch.id()).get(2).id();
        post(batch.id(), "reservations", reservation("12")).expectStatus().isOk();
        long before = fixtures.movementCount(batch.id());
        http.post().uri("/api/v1/inventory/movements/{id}/reverse", found).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "Not found after all")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("INSUFFICIENT_INVENTORY");
        assertThat(fixtures.movementCount(batch.id())).isEqualTo(before);
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("15");

        // A reservation belongs to its holder: reversing its movement would take it away behind the holder's back.
        long reservation = fixtures.movements(batch.id()).get(3).id();
        http.post().uri("/api/v1/inventory/movements/{id}/reverse", reservation)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "Undo the hold")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        assertThat(fixtures.movementCount(batch.id())).isEqualTo(before);
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("12");
        assertThat(fixtures.reservedByHolders(batch.id())).isEqualByComparingTo("12");

        http.post().uri("/api/v1/inventory/movements/987654321/reverse").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", "x")).exchange().expectStatus().isNotFound();
        http.post().uri("/api/v1/inventory/movements/{id}/reverse", found).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void aMovementIsReadByIdAndAnUnknownOrMalformedMovementIdIsRefused() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        adjust(batch.id(), "RELATIVE", "-1.25", "Dropped").expectStatus().isOk();
        MovementRow row = fixtures.movements(batch.id()).get(0);

        http.get().uri("/api/v1/inventory/movements/{id}", row.id()).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(row.id())
                .jsonPath("$.batchId").isEqualTo(batch.id())
                .jsonPath("$.movementType").isEqualTo("ADJUSTMENT")
                .jsonPath("$.quantityChange").isEqualTo("-1.2500")
                .jsonPath("$.quantityAfter").isEqualTo("8.7500")
                .jsonPath("$.reason").isEqualTo("Dropped");

        http.get().uri("/api/v1/inventory/movements/987654321").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        for (String bad : List.of("abc", "0", "-3")) {
            http.get().uri("/api/v1/inventory/movements/" + bad).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field").isEqualTo("id");
        }
    }

    @Test
    void everyStockChangeOnAnUnknownBatchIsNotFoundAndWritesNothing() {
        long unknown = 987654321L;
        for (String path : List.of("quarantine", "release-quarantine", "hold", "release-hold", "disposals",
                "samples", "samples/return", "reservations", "reservations/release")) {
            post(unknown, path, body(path, "1")).expectStatus().isNotFound()
                    .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        }
        adjust(unknown, "RELATIVE", "1", "x").expectStatus().isNotFound();
        post(unknown, "status", Map.of("status", "ON_HOLD", "reason", "x")).expectStatus().isNotFound()
                .expectBody().jsonPath("$.code").isEqualTo("NOT_FOUND");
        http.get().uri("/api/v1/batches/{id}/locations", unknown).exchange().expectStatus().isNotFound();
        assertThat(fixtures.movementCount(unknown)).isZero();
    }

    // ---- permissions -------------------------------------------------------------------------------------------

    @Test
    void viewersReadButNeverWrite() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        String viewer = "Bearer " + tokens.forRole(Role.VIEWER);
        http.get().uri("/api/v1/batches/{id}", batch.id()).header(HttpHeaders.AUTHORIZATION, viewer).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/inventory/movements?batchId={id}", batch.id())
                .header(HttpHeaders.AUTHORIZATION, viewer).exchange().expectStatus().isOk();
        http.post().uri("/api/v1/batches/{id}/reservations", batch.id()).header(HttpHeaders.AUTHORIZATION, viewer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("quantity", "1")).exchange()
                .expectStatus().isForbidden().expectBody().jsonPath("$.code").isEqualTo("FORBIDDEN");
        http.post().uri("/api/v1/batches/{id}/status", batch.id()).header(HttpHeaders.AUTHORIZATION, viewer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("status", "ON_HOLD")).exchange()
                .expectStatus().isForbidden();
        assertNothingWritten(batch.id(), "10");
    }

    @Test
    void theActorIsTheTokensUserNotTheBodys() {
        TestBatch batch = fixtures.batch("LIVE", "10");
        String warehouse = "Bearer " + tokens.forUser(424242L, "warehouse-jo", java.util.Set.of(Role.WAREHOUSE));
        http.post().uri("/api/v1/batches/{id}/hold", batch.id()).header(HttpHeaders.AUTHORIZATION, warehouse)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("quantity", "1")).exchange()
                .expectStatus().isOk();
        assertThat(fixtures.movements(batch.id())).extracting(MovementRow::performedBy).containsExactly(424242L);
    }

    @Test
    void theOpenApiDocumentDescribesTheInventoryEndpointsAndTheirConflicts() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/batches'].get.operationId").isEqualTo("listBatches")
                .jsonPath("$.paths['/api/v1/batches'].get.parameters[?(@.name == 'status')]").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}'].get.operationId").isEqualTo("getBatch")
                .jsonPath("$.paths['/api/v1/batches/{id}/status'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}/adjustments'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}/reservations'].post.responses['409']").exists()
                .jsonPath("$.paths['/api/v1/batches/{id}/disposals'].post.operationId").isEqualTo("disposeBatchStock")
                .jsonPath("$.paths['/api/v1/inventory/movements'].get.parameters[?(@.name == 'batchId')]").exists()
                .jsonPath("$.paths['/api/v1/inventory/movements/{id}/reverse'].post.responses['409']").exists()
                .jsonPath("$.components.schemas.Batch.properties.availableQty").exists();
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** An ABSOLUTE count carries the batch version it was taken at (the current one), as a counter would. */
    private WebTestClient.ResponseSpec adjust(long id, String mode, String quantity, String reason) {
        return post(id, "adjustments", mode.equals("ABSOLUTE")
                ? Map.of("mode", mode, "quantity", quantity, "reason", reason, "version", fixtures.version(id))
                : Map.of("mode", mode, "quantity", quantity, "reason", reason));
    }

    private WebTestClient.ResponseSpec post(long id, String path, Map<String, ?> body) {
        return http.post().uri("/api/v1/batches/{id}/" + path, id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    /** Reservations name their holder; every other quantity change may carry a reason. */
    private static Map<String, ?> body(String path, String quantity) {
        return path.startsWith("reservations") ? reservation(quantity)
                : Map.of("quantity", quantity, "reason", "r");
    }

    /** A reservation (or release) by hand for the holder the fixtures' reserved stock belongs to. */
    private static Map<String, ?> reservation(Object quantity) {
        return reservation(quantity, InventoryFixtures.HOLDER.referenceId());
    }

    private static Map<String, ?> reservation(Object quantity, long manualHolderId) {
        return Map.of("quantity", quantity, "holderType", "MANUAL", "holderId", manualHolderId);
    }

    private void assertNothingWritten(long batchId, String onHand) {
        Map<String, BigDecimal> quantities = fixtures.quantities(batchId);
        assertThat(quantities.get("onHand")).isEqualByComparingTo(onHand);
        assertThat(fixtures.version(batchId)).isZero();
        assertThat(fixtures.movementCount(batchId)).isZero();
        assertThat(fixtures.auditCount(batchId)).isZero();
    }

    private long adminId() {
        return rows.value("SELECT id FROM users WHERE username = :u", Map.of("u", tokens.adminUsername()), Long.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(WebTestClient.RequestHeadersSpec<?> request) {
        Map<?, ?> page = request.exchange().expectStatus().isOk().expectBody(Map.class).returnResult()
                .getResponseBody();
        return (List<Map<String, Object>>) page.get("items");
    }
}
