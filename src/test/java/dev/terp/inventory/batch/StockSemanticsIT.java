package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

import dev.terp.support.TestBatch;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.security.Role;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.support.IntegrationTest;
import dev.terp.support.Unique;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static dev.terp.support.TestBatches.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock semantics a review found wrong, each driven over HTTP the way a client would (issue "inventory
 * semantics"): received once, reservations owned by their holder, versioned counts, closing only empty batches,
 * status and quantities, and a capacity set while a change runs.
 */
@IntegrationTest
class StockSemanticsIT {

    private static final Actor CLERK = new Actor(42425L, "sales-sam", Set.of(Role.SALES));

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    ReservationPort reservations;

    @Autowired
    StockKeeper stock;

    @Autowired
    TransactionRunner tx;

    @Autowired
    ConnectionFactory connections;

    @Autowired
    MeterRegistry meters;

    InventoryFixtures fixtures;
    String category;

    @BeforeEach
    void setUp() {
        fixtures = new InventoryFixtures(db);
        category = "Semantics Cat " + Unique.tag();
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
    }

    // ---- 1. stock is received once ------------------------------------------------------------------------------

    @Test
    void stockReceivedByADirectIntakeCannotBeReceivedAgainThroughASession() {
        String vendor = "Semantics Vendor " + Unique.tag();
        Map<String, Object> received = intake(vendor, "12");
        long batchId = ((Number) received.get("id")).longValue();
        long sessionId = session(vendorId(vendor));

        addLine(sessionId, Map.of("batchId", batchId, "receivedQty", "12", "unitCost", "3.00"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("BATCH_ALREADY_RECEIVED");
        // The session has no line, so it cannot complete either: the 12 units are on hand exactly once.
        http.post().uri("/api/v1/inventory/intake-sessions/{id}/complete", sessionId).exchange()
                .expectStatus().isEqualTo(409);
        assertThat(fixtures.quantities(batchId).get("onHand")).isEqualByComparingTo("12");
        assertThat(sumOnHandMovements(batchId)).isEqualByComparingTo("12");
    }

    @Test
    void aSessionReceivesTheBatchItAnnouncesExactlyOnceAndOnlyFromItsVendor() {
        String vendor = "Semantics Vendor " + Unique.tag();
        intake(vendor, "1"); // creates the vendor the way a user would
        long sessionId = session(vendorId(vendor));
        Map<String, Object> body = new HashMap<>(Map.of("receivedQty", "7.5", "unitCost", "2.00"));
        body.put("batch", Map.of("brandName", "Brand " + Unique.tag(), "productName", "Announced " + Unique.tag(),
                "category", category, "cogsMode", "FIXED", "unitCogs", "2.00", "paymentTerms", "COD",
                "location", Map.of("site", "Semantics Dock " + Unique.tag())));
        Map<?, ?> withLine = addLine(sessionId, body).expectStatus().isCreated().expectBody(Map.class)
                .returnResult().getResponseBody();
        long announced = ((Number) ((Map<?, ?>) ((List<?>) withLine.get("lines")).get(0)).get("batchId"))
                .longValue();
        assertThat(fixtures.quantities(announced).get("onHand")).isEqualByComparingTo("0");

        // Another vendor's session may not receive it.
        String otherVendor = "Other Vendor " + Unique.tag();
        intake(otherVendor, "1");
        long otherSession = session(vendorId(otherVendor));
        addLine(otherSession, Map.of("batchId", announced, "receivedQty", "1", "unitCost", "1.00"))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("VENDOR_MISMATCH");

        http.post().uri("/api/v1/inventory/intake-sessions/{id}/complete", sessionId).exchange()
                .expectStatus().isOk();
        http.get().uri("/api/v1/batches/{id}", announced).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.onHandQty").isEqualTo("7.5000");
        assertThat(sumOnHandMovements(announced)).isEqualByComparingTo("7.5");
        // Once received, it cannot join a new session of the same vendor.
        long again = session(vendorId(vendor));
        addLine(again, Map.of("batchId", announced, "receivedQty", "1", "unitCost", "1.00"))
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aBatchAnnouncedThenGivenStockAnotherWayCannotBeCompletedAndNothingIsReceived() {
        TestBatch batch = fixtures.batch("AWAITING_INTAKE", "0");
        long vendorId = rows.value("SELECT l.vendor_id FROM batches b JOIN lots l ON l.id = b.lot_id WHERE b.id = :id",
                Map.of("id", batch.id()), Long.class);
        long sessionId = session(vendorId);
        addLine(sessionId, Map.of("batchId", batch.id(), "receivedQty", "5", "unitCost", "1.00"))
                .expectStatus().isCreated();
        http.post().uri("/api/v1/batches/{id}/adjustments", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", "2", "reason", "found")).exchange()
                .expectStatus().isOk();

        http.post().uri("/api/v1/inventory/intake-sessions/{id}/complete", sessionId).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("BATCH_ALREADY_RECEIVED");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("2");
    }

    // ---- 2. reservations belong to their holder -------------------------------------------------------------------

    @Test
    void aHolderCanOnlyReleaseOrConsumeWhatItHoldsAndTheRowsAddUpToReservedQty() {
        TestBatch batch = received("20");
        post(batch.id(), "reservations", Map.of("quantity", "5", "holderType", "MANUAL", "holderId", 1,
                "reason", "held for the Friday pickup")).expectStatus().isOk();
        reserve(batch.id(), "MANUAL", 2, "3").expectStatus().isOk();
        // A reservation by hand is audited with its holder and reason.
        Map<String, Object> audit = rows.row("SELECT after_state, reason FROM audit_logs WHERE entity = 'Batch' "
                        + "AND entity_id = :id AND action = 'RESERVED' ORDER BY id LIMIT 1", Map.of("id", batch.id()));
        assertThat((String) audit.get("after_state")).contains("\"holder\":\"MANUAL 1\"");
        assertThat(audit.get("reason")).isEqualTo("held for the Friday pickup");

        release(batch.id(), "MANUAL", 2, "4").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("RESERVATION_NOT_HELD");
        reserve(batch.id(), "ORDER_LINE", 9, "1").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("holderType");
        reserve(batch.id(), "MANUAL", null, "1").expectStatus().isBadRequest();
        release(batch.id(), "MANUAL", 1, "5").expectStatus().isOk();

        http.get().uri("/api/v1/batches/{id}/reservations", batch.id()).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.items.length()").isEqualTo(1)
                .jsonPath("$.items[0].holderType").isEqualTo("MANUAL")
                .jsonPath("$.items[0].holderId").isEqualTo(2)
                .jsonPath("$.items[0].quantity").isEqualTo("3.0000");
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("3");
        assertThat(reservationSum(batch.id())).isEqualByComparingTo("3");

        // Through the port, an order can neither consume nor release what another order holds.
        StockReference order = StockReference.of("ORDER_LINE", 100L);
        StockReference otherOrder = StockReference.of("ORDER_LINE", 101L);
        asClerk(reservations.reserve(batch.id(), new BigDecimal("4"), order));
        refused(reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, otherOrder),
                ErrorCode.RESERVATION_NOT_HELD);
        refused(reservations.release(batch.id(), BigDecimal.ONE, otherOrder), ErrorCode.RESERVATION_NOT_HELD);
        asClerk(reservations.consume(batch.id(), new BigDecimal("4"), BigDecimal.TEN, order));
        assertThat(fixtures.quantities(batch.id()).get("reserved")).isEqualByComparingTo("3");
        assertThat(reservationSum(batch.id())).isEqualByComparingTo("3");
    }

    @Test
    void theMultiBatchPortIsAllOrNothingAndReservationMovementsCannotBeReversed() {
        TestBatch first = received("5");
        TestBatch second = received("1");
        StockReference order = StockReference.of("ORDER_LINE", 200L);
        refused(reservations.reserve(order, List.of(
                new ReservationPort.Line(second.id(), new BigDecimal("2")),
                new ReservationPort.Line(first.id(), new BigDecimal("2")))), ErrorCode.INSUFFICIENT_INVENTORY);
        assertThat(fixtures.quantities(first.id()).get("reserved")).isEqualByComparingTo("0");
        assertThat(reservationSum(first.id())).isEqualByComparingTo("0");

        List<Batch> reserved = asClerk(reservations.reserve(order, List.of(
                new ReservationPort.Line(second.id(), new BigDecimal("1")),
                new ReservationPort.Line(first.id(), new BigDecimal("2")))));
        assertThat(reserved).extracting(Batch::id).containsExactly(second.id(), first.id());
        long movementId = rows.value("SELECT id FROM inventory_movements WHERE batch_id = :id AND bucket = 'RESERVED'",
                Map.of("id", first.id()), Long.class);
        http.post().uri("/api/v1/inventory/movements/{id}/reverse", movementId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("reason", "undo")).exchange()
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("CONFLICT");
        assertThat(asClerk(reservations.releaseAll(order))).hasSize(2);
        assertThat(reservationSum(first.id()).add(reservationSum(second.id()))).isEqualByComparingTo("0");
    }

    // ---- 3. a count carries the version it was taken at ------------------------------------------------------------

    @Test
    void aStaleStockCountIsRefusedInsteadOfOverwritingASale() {
        TestBatch batch = received("10");
        long countedAt = version(batch.id());
        // A sale (here: a relative correction) lands between the count and its entry.
        adjust(batch.id(), Map.of("mode", "RELATIVE", "quantity", "-3", "reason", "sold")).expectStatus().isOk();

        adjust(batch.id(), Map.of("mode", "ABSOLUTE", "quantity", "10", "reason", "count"))
                .expectStatus().isEqualTo(428);
        adjust(batch.id(), Map.of("mode", "ABSOLUTE", "quantity", "10", "reason", "count", "version", countedAt))
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.code").isEqualTo("VERSION_CONFLICT");
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("7");

        http.post().uri("/api/v1/batches/{id}/adjustments", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .header("If-Match", "\"" + version(batch.id()) + "\"")
                .bodyValue(Map.of("mode", "ABSOLUTE", "quantity", "6", "reason", "recount")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.onHandQty").isEqualTo("6.0000");
    }

    // ---- 4. only an empty batch can be closed ---------------------------------------------------------------------

    @Test
    void closingNeedsEveryBucketAtZeroAndBothPathsSaySoAlike() {
        TestBatch batch = received("2");
        post(batch.id(), "samples", Map.of("quantity", "2")).expectStatus().isOk();
        status(batch.id(), "QUARANTINED").expectStatus().isOk();

        status(batch.id(), "CLOSED").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("2.0000 in the sample pool"));
        http.post().uri("/api/v1/batches/bulk-status").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("batchIds", List.of(batch.id()), "status", "CLOSED")).exchange()
                .expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
                        .contains("2.0000 in the sample pool"));

        post(batch.id(), "samples/return", Map.of("quantity", "2")).expectStatus().isOk();
        adjust(batch.id(), Map.of("mode", "ABSOLUTE", "quantity", "0", "reason", "written off",
                "version", version(batch.id()))).expectStatus().isOk();
        status(batch.id(), "CLOSED").expectStatus().isOk();
    }

    // ---- 5. status and quantities ----------------------------------------------------------------------------------

    @Test
    void quarantineKeepsReservationsButShipsNothingAndTheLastSaleSellsTheBatchOut() {
        TestBatch batch = received("6");
        StockReference order = StockReference.of("ORDER_LINE", 300L);
        asClerk(reservations.reserve(batch.id(), new BigDecimal("6"), order));
        // Nothing is available, but reservations alone do not sell a batch out; nor can a user declare it sold out
        // while stock is still available.
        http.get().uri("/api/v1/batches/{id}", batch.id()).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.availableQty").isEqualTo("0.0000");

        status(batch.id(), "QUARANTINED").expectStatus().isOk();
        assertThat(reservationSum(batch.id())).isEqualByComparingTo("6");
        refused(reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, order), ErrorCode.BATCH_NOT_SELLABLE);
        asClerk(reservations.release(batch.id(), BigDecimal.ONE, order));

        status(batch.id(), "LIVE").expectStatus().isOk();
        asClerk(reservations.consume(batch.id(), new BigDecimal("5"), BigDecimal.TEN, order));
        http.get().uri("/api/v1/batches/{id}", batch.id()).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.onHandQty").isEqualTo("1.0000");
        status(batch.id(), "SOLD_OUT").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("INVALID_STATE_TRANSITION");

        asClerk(reservations.reserve(batch.id(), BigDecimal.ONE, order));
        asClerk(reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, order));
        http.get().uri("/api/v1/batches/{id}", batch.id()).exchange().expectBody()
                .jsonPath("$.status").isEqualTo("SOLD_OUT").jsonPath("$.onHandQty").isEqualTo("0.0000");
    }

    @Test
    void expiredStockIsNeitherReservedNorSold() {
        TestBatch batch = received("4");
        StockReference order = StockReference.of("ORDER_LINE", 400L);
        asClerk(reservations.reserve(batch.id(), new BigDecimal("2"), order));
        rows.update("UPDATE batches SET expiration_date = :day WHERE id = :id",
                Map.of("day", LocalDate.now().minusDays(2), "id", batch.id()));
        refused(reservations.consume(batch.id(), BigDecimal.ONE, BigDecimal.TEN, order), ErrorCode.BATCH_EXPIRED);
        reserve(batch.id(), "MANUAL", 1, "1").expectStatus().isEqualTo(409).expectBody()
                .jsonPath("$.code").isEqualTo("BATCH_EXPIRED");
        asClerk(reservations.release(batch.id(), new BigDecimal("2"), order));
    }

    // ---- 9. a capacity set after the snapshot is seen -------------------------------------------------------------

    @Test
    void aCapacitySetAfterTheTransactionsSnapshotStillBoundsTheAddition() {
        long location = fixtures.location();
        TestBatch batch = fixtures.batch("LIVE", "0");
        rows.update("INSERT INTO batch_locations (batch_id, location_id, qty) VALUES (:b, :l, 0)",
                Map.of("b", batch.id(), "l", location));
        double retriesBefore = staleSnapshotRetries();
        AtomicBoolean capacitySet = new AtomicBoolean();

        // The transaction's first plain read fixes its snapshot while the location is unlimited; another
        // connection then limits the location to 5 and commits; the addition of 8 must see that limit.
        Mono<Batch> addition = tx.inRetryingTransaction(() -> db.sql("SELECT COUNT(*) AS n FROM locations")
                .map(row -> row.get("n", Long.class)).one()
                .then(capacitySet.getAndSet(true) ? Mono.empty() : limitOnAnotherConnection(location, "5"))
                .then(stock.apply(batch.id(), StockOperation.adjustBy(new BigDecimal("8")), StockReference.NONE,
                        "found")));
        StepVerifier.create(addition.contextWrite(actor()))
                .expectErrorSatisfies(refused -> assertThat(((ApiException) refused).code())
                        .isEqualTo(ErrorCode.LOCATION_CAPACITY_EXCEEDED))
                .verify();
        assertThat(fixtures.heldAt(location)).isEqualByComparingTo("0");
        assertThat(staleSnapshotRetries()).isGreaterThan(retriesBefore);
    }

    private Mono<Void> limitOnAnotherConnection(long location, String capacity) {
        return Mono.usingWhen(connections.create(),
                connection -> Mono.from(connection.createStatement("UPDATE locations SET capacity = " + capacity
                        + " WHERE id = " + location).execute()).flatMap(result -> Mono.from(result.getRowsUpdated())),
                connection -> Mono.from(connection.close())).then();
    }

    private double staleSnapshotRetries() {
        var counter = meters.find("terp.tx.retries").tag("reason", "stale_snapshot").counter();
        return counter == null ? 0 : counter.count();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private Map<String, Object> intake(String vendor, String quantity) {
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", vendor);
        body.put("brandName", "Brand " + Unique.tag());
        body.put("productName", "Product " + Unique.tag());
        body.put("category", category);
        body.put("quantity", quantity);
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "3.00");
        body.put("paymentTerms", "COD");
        body.put("location", Map.of("site", "Semantics Site " + Unique.tag()));
        @SuppressWarnings("unchecked")
        Map<String, Object> batch = http.post().uri("/api/v1/inventory/intake").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        return batch;
    }

    private long vendorId(String name) {
        return rows.value("SELECT id FROM vendors WHERE name = :name", Map.of("name", name), Long.class);
    }

    private long session(long vendorId) {
        Map<?, ?> created = http.post().uri("/api/v1/inventory/intake-sessions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("vendorId", vendorId, "receiveDate", LocalDate.now().toString(),
                        "paymentTerms", "COD"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) created.get("id")).longValue();
    }

    private WebTestClient.ResponseSpec addLine(long sessionId, Map<String, ?> body) {
        return http.post().uri("/api/v1/inventory/intake-sessions/{id}/lines", sessionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec reserve(long batchId, String holderType, Integer holderId, String quantity) {
        Map<String, Object> body = new HashMap<>(Map.of("quantity", quantity, "holderType", holderType));
        if (holderId != null) {
            body.put("holderId", holderId);
        }
        return post(batchId, "reservations", body);
    }

    private WebTestClient.ResponseSpec release(long batchId, String holderType, int holderId, String quantity) {
        return post(batchId, "reservations/release", Map.of("quantity", quantity, "holderType", holderType,
                "holderId", holderId));
    }

    private WebTestClient.ResponseSpec adjust(long batchId, Map<String, ?> body) {
        return post(batchId, "adjustments", body);
    }

    private WebTestClient.ResponseSpec status(long batchId, String status) {
        return post(batchId, "status", Map.of("status", status, "reason", "test"));
    }

    private WebTestClient.ResponseSpec post(long batchId, String path, Map<String, ?> body) {
        return http.post().uri("/api/v1/batches/{id}/" + path, batchId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange();
    }

    private long version(long batchId) {
        return rows.value("SELECT version FROM batches WHERE id = :id", Map.of("id", batchId), Long.class);
    }

    private BigDecimal reservationSum(long batchId) {
        return rows.value("SELECT COALESCE(SUM(quantity), 0) AS s FROM stock_reservations WHERE batch_id = :id",
                Map.of("id", batchId), BigDecimal.class);
    }

    private BigDecimal sumOnHandMovements(long batchId) {
        return rows.value("SELECT COALESCE(SUM(quantity_change), 0) AS s FROM inventory_movements WHERE batch_id = :id "
                        + "AND bucket = 'ON_HAND' AND movement_type <> 'TRANSFER'",
                                Map.of("id", batchId), BigDecimal.class);
    }

    /** Runs a port call as the clerk, as the sales module would; it must answer one value, which is returned. */
    private <T> T asClerk(Mono<T> call) {
        AtomicReference<T> answer = new AtomicReference<>();
        call.contextWrite(actor()).as(StepVerifier::create).consumeNextWith(answer::set).verifyComplete();
        return answer.get();
    }

    /** A port call as the clerk is refused with {@code code}. */
    private static void refused(Mono<?> call, ErrorCode code) {
        call.contextWrite(actor()).as(StepVerifier::create)
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOfSatisfying(ApiException.class,
                        refused -> assertThat(refused.code()).isEqualTo(code)))
                .verify();
    }

    /** A LIVE batch received over the API (intake at a new site, then LIVE), as a client would make it. */
    private TestBatch received(String onHand) {
        return aBatch().named("Semantics").withStatus("LIVE").withOnHand(onHand).receive(http);
    }

    private static Context actor() {
        return Context.of(RequestContext.class, new RequestContext(CLERK, null, null, null));
    }
}
