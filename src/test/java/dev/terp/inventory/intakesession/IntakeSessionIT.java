package dev.terp.inventory.intakesession;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.inventory.intakesession.IntakeSessionFixtures.BatchState;
import dev.terp.inventory.intakesession.IntakeSessionFixtures.MovementRow;
import dev.terp.support.TestBatch;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class IntakeSessionIT {

    private static final String PATH = "/api/v1/inventory/intake-sessions";

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @LocalServerPort
    int port;

    IntakeSessionFixtures fixtures;
    long vendorId;

    @BeforeEach
    void setUp() {
        fixtures = new IntakeSessionFixtures(db);
        vendorId = fixtures.vendor();
    }

    Map<String, Object> sessionBody() {
        Map<String, Object> body = new HashMap<>();
        body.put("vendorId", vendorId);
        body.put("receiveDate", "2026-11-25");
        body.put("paymentTerms", "NET_30");
        body.put("paymentDueDate", "2026-12-25");
        body.put("internalNotes", "  dock 3 ");
        body.put("vendorNotes", "thanks");
        return body;
    }

    Map<String, Object> lineBody(TestBatch batch, Object qty, Object unitCost) {
        Map<String, Object> body = new HashMap<>();
        body.put("batchId", batch.id());
        body.put("receivedQty", qty);
        body.put("unitCost", unitCost);
        return body;
    }

    /** A line that announces its batch: created with the line, from the session's vendor, nothing on hand yet. */
    Map<String, Object> announcingLineBody(String productName, String site, Object qty, Object unitCost) {
        Map<String, Object> batch = new HashMap<>();
        batch.put("brandName", "Session Brand " + productName);
        batch.put("productName", productName);
        batch.put("category", fixtures.category());
        batch.put("cogsMode", "FIXED");
        batch.put("unitCogs", "1.50");
        batch.put("paymentTerms", "NET_30");
        batch.put("location", Map.of("site", site));
        Map<String, Object> body = new HashMap<>();
        body.put("batch", batch);
        body.put("receivedQty", qty);
        body.put("unitCost", unitCost);
        return body;
    }

    // ---- create ---------------------------------------------------------------------------------------------------

    @Test
    void createOpensASessionNumberedFromTheSequenceAndReceivedByTheCaller() {
        WebTestClient.ResponseSpec response = http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(sessionBody()).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, PATH + "/\\d+")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"");
        Map<?, ?> session = response.expectBody(Map.class).returnResult().getResponseBody();

        long id = id(session);
        long adminId = fixtures.count("SELECT id FROM users WHERE username = :v", tokens.adminUsername());
        assertThat((String) session.get("sessionNumber")).matches("INTAKE-\\d{6}");
        assertThat(session.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(((Number) session.get("vendorId")).longValue()).isEqualTo(vendorId);
        assertThat(((Number) session.get("receivedBy")).longValue()).isEqualTo(adminId);
        assertThat(session.get("receiveDate")).isEqualTo("2026-11-25");
        assertThat(session.get("paymentTerms")).isEqualTo("NET_30");
        assertThat(session.get("paymentDueDate")).isEqualTo("2026-12-25");
        assertThat(session.get("internalNotes")).isEqualTo("dock 3");
        assertThat(session.get("totalAmount")).isEqualTo("0.00");
        assertThat(session.get("amountPaid")).isEqualTo("0.00");
        assertThat(session.get("balance")).isEqualTo("0.00");
        assertThat(session.get("receiptGenerated")).isEqualTo(false);
        assertThat((List<?>) session.get("lines")).isEmpty();
        assertThat(session.get("version")).isEqualTo(0);

        Map<?, ?> read = http.get().uri(PATH + "/{id}", id).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"0\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(read).isEqualTo(session);
        assertThat(fixtures.auditActions("IntakeSession", id)).containsExactly("CREATED");

        Map<?, ?> second = createSession();
        assertThat(second.get("sessionNumber")).isNotEqualTo(session.get("sessionNumber"));
    }

    @Test
    void receivedByIsAlwaysTheCallerAndUnknownFieldsAreRejected() {
        long sessions = fixtures.count("SELECT COUNT(*) FROM intake_sessions");
        for (String field : List.of("receivedBy", "status", "totalAmount", "sessionNumber")) {
            Map<String, Object> body = sessionBody();
            body.put(field, 1);
            http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody().jsonPath("$.detail").isEqualTo("The request sets a field that clients may not set");
        }
        assertThat(fixtures.count("SELECT COUNT(*) FROM intake_sessions")).isEqualTo(sessions);

        Map<?, ?> session = http.post().uri(PATH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.WAREHOUSE))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(sessionBody()).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((Number) session.get("receivedBy")).longValue()).isEqualTo(900_000_000L + Role.WAREHOUSE.ordinal());
    }

    @Test
    void unknownAndArchivedVendorsAreRefused() {
        Map<String, Object> unknown = sessionBody();
        unknown.put("vendorId", 999_999_999L);
        rejectedCreate(unknown, "vendorId");

        Map<String, Object> archived = sessionBody();
        archived.put("vendorId", fixtures.archivedVendor());
        rejectedCreate(archived, "vendorId");
    }

    @Test
    void badDatesAndTermsAreRefusedAllAtOnce() {
        Map<String, Object> early = sessionBody();
        early.put("paymentDueDate", "2026-11-24");
        rejectedCreate(early, "paymentDueDate");

        Map<String, Object> several = sessionBody();
        several.put("vendorId", 999_999_999L);
        several.put("paymentTerms", "NET_60");
        several.put("paymentDueDate", "2026-01-01");
        rejectedCreate(several, "paymentDueDate", "paymentTerms", "vendorId");

        Map<String, Object> missing = sessionBody();
        missing.remove("receiveDate");
        missing.remove("vendorId");
        missing.remove("paymentTerms");
        rejectedCreate(missing, "paymentTerms", "receiveDate", "vendorId");

        long sessions = fixtures.count("SELECT COUNT(*) FROM intake_sessions");
        for (String bad : List.of("2026-13-01", "25/11/2026", "tomorrow")) {
            Map<String, Object> body = sessionBody();
            body.put("receiveDate", bad);
            http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                    .expectStatus().isBadRequest();
        }
        assertThat(fixtures.count("SELECT COUNT(*) FROM intake_sessions")).isEqualTo(sessions);
    }

    // ---- lines and totals -----------------------------------------------------------------------------------------

    @Test
    void totalsAreRecomputedWhenLinesAreAddedChangedAndRemoved() {
        long id = id(createSession());
        TestBatch a = fixtures.announced(vendorId);
        TestBatch b = fixtures.announced(vendorId);

        Map<String, Object> first = lineBody(a, "10.5", 12.5);
        first.put("cogsAgreement", "fixed per unit");
        first.put("vendorNotes", "2 cases");
        Map<?, ?> afterFirst = http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(first).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, PATH + "/" + id + "/lines/\\d+")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(afterFirst.get("totalAmount")).isEqualTo("131.25");
        Map<?, ?> line = lines(afterFirst).get(0);
        assertThat(((Number) line.get("batchId")).longValue()).isEqualTo(a.id());
        assertThat(line.get("batchCode")).isEqualTo(a.code());
        assertThat(line.get("sku")).isEqualTo(a.sku());
        assertThat(line.get("receivedQty")).isEqualTo("10.5000");
        assertThat(line.get("unitCost")).isEqualTo("12.5000");
        assertThat(line.get("totalCost")).isEqualTo("131.25");
        assertThat(line.get("cogsAgreement")).isEqualTo("fixed per unit");
        assertThat(line.get("vendorNotes")).isEqualTo("2 cases");

        // 3.3333 x 0.15 = 0.499995 -> 0.50 (half-up at cents)
        Map<?, ?> afterSecond = addLine(id, lineBody(b, "3.3333", "0.15"));
        assertThat(lines(afterSecond)).hasSize(2);
        assertThat(lines(afterSecond).get(1).get("totalCost")).isEqualTo("0.50");
        assertThat(afterSecond.get("totalAmount")).isEqualTo("131.75");
        assertThat(afterSecond.get("balance")).isEqualTo("131.75");

        long lineA = id(lines(afterSecond).get(0));
        long lineB = id(lines(afterSecond).get(1));
        Map<String, Object> change = new HashMap<>(Map.of("receivedQty", "2", "unitCost", "100", "internalNotes",
                "recounted"));
        Map<?, ?> afterUpdate = http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineA)
                .header(HttpHeaders.IF_MATCH, "\"" + afterSecond.get("version") + "\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(afterUpdate.get("totalAmount")).isEqualTo("200.50");
        Map<?, ?> updated = lines(afterUpdate).get(0);
        assertThat(updated.get("receivedQty")).isEqualTo("2.0000");
        assertThat(updated.get("totalCost")).isEqualTo("200.00");
        assertThat(updated.get("internalNotes")).isEqualTo("recounted");
        assertThat(updated.get("cogsAgreement")).as("absent notes are cleared").isNull();
        assertThat(updated.get("version")).isEqualTo(1);

        http.delete().uri(PATH + "/{id}/lines/{lineId}", id, lineB).exchange().expectStatus().isNoContent();
        Map<?, ?> afterRemove = get(id);
        assertThat(lines(afterRemove)).hasSize(1);
        assertThat(afterRemove.get("totalAmount")).isEqualTo("200.00");
        assertThat(afterRemove.get("version")).isEqualTo(4);
        // The stored total is the sum of the stored lines.
        assertThat((BigDecimal) fixtures.row("SELECT total_amount FROM intake_sessions WHERE id = :v", id)
                .get("total_amount")).isEqualByComparingTo("200.00");
        assertThat(fixtures.auditActions("IntakeSession", id))
                .containsExactly("CREATED", "LINE_ADDED", "LINE_ADDED", "LINE_UPDATED", "LINE_REMOVED");
        // Lines change nothing in stock.
        assertThat(fixtures.state(a.id()).status()).isEqualTo("AWAITING_INTAKE");
        assertThat(fixtures.movements(a.id())).isEmpty();
    }

    @Test
    void quantitiesAndMoneyOutsideTheirScaleAreRefusedNeverRounded() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        for (Object qty : List.of("0", "-1", "1.23456", 0.00001)) {
            rejectedLine(id, lineBody(batch, qty, "1.00"), "receivedQty");
        }
        for (Object cost : List.of("1.23456", "-0.01", 0.00001)) {
            rejectedLine(id, lineBody(batch, "1", cost), "unitCost");
        }
        rejectedLine(id, lineBody(batch, "0", "1.99999"), "receivedQty", "unitCost");
        Map<String, Object> missing = lineBody(batch, "1", "1");
        missing.remove("receivedQty");
        missing.remove("unitCost");
        missing.remove("batchId");
        rejectedLine(id, missing, "batchId", "receivedQty", "unitCost");
        Map<String, Object> unknownBatch = lineBody(batch, "1", "1");
        unknownBatch.put("batchId", 999_999_999L);
        rejectedLine(id, unknownBatch, "batchId");
        Map<String, Object> tooLarge = lineBody(batch, "99999999999", "9999999999999");
        rejectedLine(id, tooLarge, "unitCost");

        Map<String, Object> unknownField = lineBody(batch, "1", "1");
        unknownField.put("totalCost", "5.00");
        http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON).bodyValue(unknownField)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").isEqualTo("The request sets a field that clients may not set");

        // A PUT is held to the same rules.
        long lineId = id(lines(addLine(id, lineBody(batch, "1", "1"))).get(0));
        long version = ((Number) get(id).get("version")).longValue();
        Map<?, ?> problem = http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineId)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receivedQty", "1.00001", "unitCost", "0.00001", "version", version)).exchange()
                .expectStatus().isBadRequest().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(fields(problem)).containsExactlyInAnyOrder("receivedQty", "unitCost");
        assertThat(lines(get(id)).get(0).get("receivedQty")).isEqualTo("1.0000");
    }

    @Test
    void onlyAnnouncedBatchesOfTheSessionsVendorMayBeAddedAndEachOnlyOnce() {
        long id = id(createSession());
        TestBatch live = fixtures.batch(vendorId, "LIVE", "5");
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(live, "1", "1")).exchange(), 409, "CONFLICT");
        // Stock already received another way (a direct intake) is never received a second time.
        TestBatch received = fixtures.batch(vendorId, "AWAITING_INTAKE", "5");
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(received, "1", "1")).exchange(), 409, "BATCH_ALREADY_RECEIVED");
        TestBatch otherVendors = fixtures.announced(fixtures.vendor());
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(otherVendors, "1", "1")).exchange(), 409, "VENDOR_MISMATCH");
        assertThat(lines(get(id))).isEmpty();

        TestBatch batch = fixtures.announced(vendorId);
        addLine(id, lineBody(batch, "1", "1"));
        Map<?, ?> duplicate = expectProblem(http.post().uri(PATH + "/{id}/lines", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lineBody(batch, "2", "1")).exchange(), 409,
                "CONFLICT");
        assertThat((String) duplicate.get("detail")).contains(batch.code());
        assertThat(lines(get(id))).hasSize(1);
        assertThat(get(id).get("totalAmount")).isEqualTo("1.00");
    }

    /** api-conventions §1: a money value out of range is a 400 naming the field, also when it is the sum. */
    @Test
    void aSessionTotalBeyondTheMoneyColumnIsRefusedOnUnitCost() {
        long id = id(createSession());
        TestBatch a = fixtures.announced(vendorId);
        TestBatch b = fixtures.announced(vendorId);
        addLine(id, lineBody(a, "100", "99999999999.9999"));
        rejectedLine(id, lineBody(b, "1", "1"), "unitCost");

        Map<?, ?> withB = addLine(id, lineBody(b, "1", "0"));
        long lineB = id(lines(withB).get(1));
        Map<?, ?> problem = expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineB)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receivedQty", "1", "unitCost", "0.01", "version", withB.get("version"))).exchange(),
                400, "VALIDATION_FAILED");
        assertThat(fields(problem)).containsExactly("unitCost");
        assertThat(get(id)).isEqualTo(withB);
        assertThat(withB.get("totalAmount")).isEqualTo("9999999999999.99");
    }

    /** Completion runs every line in one transaction under the deadline, so a session holds at most 200 lines. */
    @Test
    void aSessionHoldsAtMostTwoHundredLines() {
        long id = id(createSession());
        TestBatch template = fixtures.announced(vendorId);
        Map<String, Object> refs = fixtures.row("SELECT product_id, lot_id FROM batches WHERE id = :v", template.id());
        String values = IntStream.rangeClosed(1, IntakeSessionService.MAX_LINES)
                .mapToObj(i -> "('" + template.code() + "-" + i + "', '" + template.sku() + "-" + i + "', "
                        + refs.get("product_id") + ", " + refs.get("lot_id") + ", 'AWAITING_INTAKE', 'FIXED', 1, "
                        + "'COD', 0)")
                .collect(Collectors.joining(", "));
        rows.update("INSERT INTO batches (code, sku, product_id, lot_id, status, cogs_mode, unit_cogs, payment_terms, "
                + "on_hand_qty) VALUES " + values, Map.of());
        rows.update("INSERT INTO intake_session_lines (session_id, batch_id, received_qty, unit_cost, total_cost) "
                        + "SELECT :session, id, 1, 0, 0 FROM batches WHERE code LIKE :prefix",
                                Map.of("session", id, "prefix", template.code() + "-%"));
        assertThat(lines(get(id))).hasSize(IntakeSessionService.MAX_LINES);

        Map<?, ?> before = get(id);
        Map<?, ?> problem = expectProblem(http.post().uri(PATH + "/{id}/lines", id)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lineBody(template, "1", "1")).exchange(), 409,
                "CONFLICT");
        assertThat((String) problem.get("detail")).contains("already has 200 lines");
        assertThat(get(id)).isEqualTo(before);

        // One line fewer makes room again.
        http.delete().uri(PATH + "/{id}/lines/{lineId}", id, id(lines(before).get(0))).exchange()
                .expectStatus().isNoContent();
        assertThat(lines(addLine(id, lineBody(template, "1", "1")))).hasSize(IntakeSessionService.MAX_LINES);
    }

    @Test
    void aLineUpdateNeedsTheCurrentSessionVersion() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        Map<?, ?> session = addLine(id, lineBody(batch, "1", "1"));
        long lineId = id(lines(session).get(0));
        Map<String, Object> change = new HashMap<>(Map.of("receivedQty", "2", "unitCost", "1"));

        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange(), 428, "PRECONDITION_REQUIRED");
        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineId).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange(), 409, "VERSION_CONFLICT");
        change.put("version", session.get("version"));
        http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(change).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.totalAmount").isEqualTo("2.00");
    }

    @Test
    void unknownSessionsAndLinesAreNotFound() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        http.get().uri(PATH + "/{id}", 999_999_999L).exchange().expectStatus().isNotFound();
        expectProblem(http.post().uri(PATH + "/{id}/lines", 999_999_999L).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(batch, "1", "1")).exchange(), 404, "NOT_FOUND");
        expectProblem(http.delete().uri(PATH + "/{id}/lines/{lineId}", id, 999_999_999L).exchange(), 404,
                "NOT_FOUND");
        expectProblem(http.delete().uri(PATH + "/{id}/lines/{lineId}", id, "abc").exchange(), 400,
                "VALIDATION_FAILED");
        // A line of another session is not found through this one.
        long other = id(createSession());
        long otherLine = id(lines(addLine(other, lineBody(batch, "1", "1"))).get(0));
        expectProblem(http.delete().uri(PATH + "/{id}/lines/{lineId}", id, otherLine).exchange(), 404, "NOT_FOUND");
        expectProblem(http.post().uri(PATH + "/{id}/complete", 999_999_999L).exchange(), 404, "NOT_FOUND");
    }

    @Test
    void cancelReceiptAndLineUpdatesOfUnknownSessionsOrLinesAreNotFoundAndChangeNothing() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        Map<?, ?> session = addLine(id, lineBody(batch, "3", "1.50"));
        long lineId = id(lines(session).get(0));
        Map<String, Object> change = Map.of("receivedQty", "9", "unitCost", "9", "version", session.get("version"));

        expectProblem(http.post().uri(PATH + "/{id}/cancel", 999_999_999L).exchange(), 404, "NOT_FOUND");
        expectProblem(http.post().uri(PATH + "/{id}/receipt", 999_999_999L).exchange(), 404, "NOT_FOUND");
        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", 999_999_999L, lineId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange(), 404, "NOT_FOUND");
        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, 999_999_999L)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange(), 404, "NOT_FOUND");
        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, "abc")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange(), 400, "VALIDATION_FAILED");
        expectProblem(http.post().uri(PATH + "/abc/cancel").exchange(), 400, "VALIDATION_FAILED");

        Map<?, ?> after = get(id);
        assertThat(after.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(after.get("version")).isEqualTo(session.get("version"));
        assertThat(after.get("totalAmount")).isEqualTo("4.50");
        assertThat(lines(after)).singleElement().satisfies(line -> assertThat(line.get("receivedQty"))
                .isEqualTo("3.0000"));
    }

    // ---- completion -----------------------------------------------------------------------------------------------

    @Test
    void completionReceivesEveryLineAndMakesEveryBatchLive() {
        long id = id(createSession());
        TestBatch placed = fixtures.announced(vendorId);
        long location = fixtures.placeAll(placed, "0");
        addLine(id, lineBody(placed, "2.5", "4"));
        String product = "Announced " + id;
        Map<?, ?> announcedLine = lines(addLine(id, announcingLineBody(product, "Session Dock " + id, "10", "1.5")))
                .get(1);
        long announced = ((Number) announcedLine.get("batchId")).longValue();
        // Announced with the line: nothing on hand until the session completes.
        http.get().uri("/api/v1/batches/{id}", announced).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("AWAITING_INTAKE")
                .jsonPath("$.onHandQty").isEqualTo("0.0000");
        assertThat(((Number) fixtures.row("SELECT l.vendor_id FROM lots l JOIN batches b ON b.lot_id = l.id "
                + "WHERE b.id = :v", announced).get("vendor_id")).longValue()).isEqualTo(vendorId);

        Map<?, ?> done = http.post().uri(PATH + "/{id}/complete", id).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(done.get("status")).isEqualTo("COMPLETED");
        assertThat(done.get("completedAt")).isNotNull();
        assertThat(done.get("totalAmount")).isEqualTo("25.00");

        assertThat(fixtures.state(announced).status()).isEqualTo("LIVE");
        assertThat(fixtures.state(announced).onHand()).isEqualByComparingTo("10");
        assertThat(fixtures.locationSum(announced)).as("location rows sum to on-hand").isEqualByComparingTo("10");
        assertThat(fixtures.state(placed.id()).status()).isEqualTo("LIVE");
        assertThat(fixtures.state(placed.id()).onHand()).isEqualByComparingTo("2.5");
        assertThat(fixtures.locationQuantities(placed.id())).as("received at the announced location")
                .containsOnlyKeys(location)
                .hasEntrySatisfying(location, qty -> assertThat(qty).isEqualByComparingTo("2.5"));

        assertThat(fixtures.movements(placed.id())).singleElement().satisfies(m -> {
            assertThat(m.type()).isEqualTo("INTAKE");
            assertThat(m.bucket()).isEqualTo("ON_HAND");
            assertThat(m.change()).isEqualByComparingTo("2.5");
            assertThat(m.before()).isEqualByComparingTo("0");
            assertThat(m.after()).isEqualByComparingTo("2.5");
            assertThat(m.referenceType()).isEqualTo("INTAKE_SESSION");
            assertThat(m.referenceId()).isEqualTo(id);
        });
        assertThat(fixtures.movements(announced)).extracting(MovementRow::type, MovementRow::referenceId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INTAKE", id));
        assertThat(fixtures.auditActions("Batch", placed.id())).containsExactly("RECEIVED", "STATUS_CHANGED");
        assertThat(fixtures.auditActions("Batch", announced)).containsExactly("CREATED", "RECEIVED", "STATUS_CHANGED");
        assertThat(fixtures.auditActions("IntakeSession", id)).endsWith("COMPLETED");

        http.get().uri("/api/v1/batches/{id}", announced).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("LIVE").jsonPath("$.onHandQty").isEqualTo("10.0000");
    }

    @Test
    void completionNeedsAnOpenSessionWithLines() {
        long id = id(createSession());
        Map<?, ?> empty = expectProblem(http.post().uri(PATH + "/{id}/complete", id).exchange(), 409, "CONFLICT");
        assertThat((String) empty.get("detail")).contains("no lines");

        TestBatch batch = fixtures.announced(vendorId);
        addLine(id, lineBody(batch, "3", "1"));
        http.post().uri(PATH + "/{id}/complete", id).exchange().expectStatus().isOk();
        expectProblem(http.post().uri(PATH + "/{id}/complete", id).exchange(), 409, "INVALID_STATE_TRANSITION");
        expectProblem(http.post().uri(PATH + "/{id}/cancel", id).exchange(), 409, "INVALID_STATE_TRANSITION");
        assertThat(fixtures.state(batch.id()).onHand()).as("received once").isEqualByComparingTo("3");

        // A completed session's lines are frozen.
        TestBatch other = fixtures.announced(vendorId);
        long lineId = id(lines(get(id)).get(0));
        long version = ((Number) get(id).get("version")).longValue();
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(other, "1", "1")).exchange(), 409, "INVALID_STATE_TRANSITION");
        expectProblem(http.put().uri(PATH + "/{id}/lines/{lineId}", id, lineId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("receivedQty", "9", "unitCost", "1", "version", version)).exchange(), 409,
                "INVALID_STATE_TRANSITION");
        expectProblem(http.delete().uri(PATH + "/{id}/lines/{lineId}", id, lineId).exchange(), 409,
                "INVALID_STATE_TRANSITION");
        assertThat(lines(get(id))).singleElement().satisfies(l -> assertThat(l.get("receivedQty")).isEqualTo("3.0000"));
    }

    /** The second batch went LIVE behind the session's back: nothing at all may be received. */
    @Test
    void completionIsAllOrNothingWhenABatchNoLongerAwaitsIntake() {
        long id = id(createSession());
        TestBatch first = fixtures.announced(vendorId);
        TestBatch second = fixtures.announced(vendorId);
        addLine(id, lineBody(first, "4", "1"));
        addLine(id, lineBody(second, "6", "1"));
        http.post().uri("/api/v1/batches/{id}/status", second.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("status", "LIVE", "reason", "went live early")).exchange().expectStatus().isOk();

        BatchState firstBefore = fixtures.state(first.id());
        BatchState secondBefore = fixtures.state(second.id());
        Map<String, Object> sessionBefore = sessionRow(id);
        long movements = fixtures.count("SELECT COUNT(*) FROM inventory_movements WHERE batch_id IN (:v)",
                List.of(first.id(), second.id()));
        long audits = fixtures.count("SELECT COUNT(*) FROM audit_logs");

        Map<?, ?> problem = expectProblem(http.post().uri(PATH + "/{id}/complete", id).exchange(), 409, "CONFLICT");
        assertThat((String) problem.get("detail")).contains(second.code()).doesNotContain(first.code());
        assertThat(fields(problem)).containsExactly("lines[1].batchId");

        assertThat(fixtures.state(first.id())).isEqualTo(firstBefore);
        assertThat(fixtures.state(second.id())).isEqualTo(secondBefore);
        assertThat(sessionRow(id)).isEqualTo(sessionBefore);
        assertThat(sessionBefore.get("status")).isEqualTo("IN_PROGRESS");
        assertThat(fixtures.count("SELECT COUNT(*) FROM inventory_movements WHERE batch_id IN (:v)",
                List.of(first.id(), second.id()))).isEqualTo(movements);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_logs")).isEqualTo(audits);

        // Once the offending line is gone, the rest completes.
        long secondLine = id(lines(get(id)).get(1));
        http.delete().uri(PATH + "/{id}/lines/{lineId}", id, secondLine).exchange().expectStatus().isNoContent();
        http.post().uri(PATH + "/{id}/complete", id).exchange().expectStatus().isOk();
        assertThat(fixtures.state(first.id()).onHand()).isEqualByComparingTo("4");
        assertThat(fixtures.state(second.id()).onHand()).isEqualByComparingTo("0");
    }

    /**
     * A line's batch that gained stock another way after it joined the session is refused at completion, and
     * nothing is received. (This replaces the overflow case, a batch with stock plus the largest line beyond
     * DECIMAL(15,4): a session now receives only empty batches, and the largest line quantity fits the column.)
     */
    @Test
    void completionOfABatchThatGainedStockMeanwhileIsRefusedAndChangesNothing() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        addLine(id, lineBody(batch, "12", "0"));
        http.post().uri("/api/v1/batches/{id}/adjustments", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", "1", "reason", "found on the dock")).exchange()
                .expectStatus().isOk();
        BatchState before = fixtures.state(batch.id());
        Map<String, Object> sessionBefore = sessionRow(id);
        long audits = fixtures.count("SELECT COUNT(*) FROM audit_logs");

        Map<?, ?> problem = expectProblem(http.post().uri(PATH + "/{id}/complete", id).exchange(), 409,
                "BATCH_ALREADY_RECEIVED");
        assertThat(fields(problem)).containsExactly("lines[0].batchId");

        assertThat(fixtures.state(batch.id())).isEqualTo(before);
        assertThat(fixtures.movements(batch.id())).extracting(MovementRow::type).containsExactly("ADJUSTMENT");
        assertThat(sessionRow(id)).isEqualTo(sessionBefore);
        assertThat(fixtures.count("SELECT COUNT(*) FROM audit_logs")).isEqualTo(audits);

        // Back to empty, the batch is received, exactly once.
        http.post().uri("/api/v1/batches/{id}/adjustments", batch.id()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("mode", "RELATIVE", "quantity", "-1", "reason", "belonged elsewhere")).exchange()
                .expectStatus().isOk();
        http.post().uri(PATH + "/{id}/complete", id).exchange().expectStatus().isOk();
        assertThat(fixtures.state(batch.id()).onHand()).isEqualByComparingTo("12");
    }

    @Test
    void parallelCompletionsReceiveTheStockExactlyOnce() {
        long id = id(createSession());
        TestBatch a = fixtures.announced(vendorId);
        TestBatch b = fixtures.announced(vendorId);
        addLine(id, lineBody(a, "5", "1"));
        addLine(id, lineBody(b, "7", "1"));

        ConnectionProvider pool = ConnectionProvider.builder("intake-session-it").maxConnections(20).build();
        try {
            WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                    .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                    .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                    .build();
            int n = 8;
            List<Integer> statuses = Flux.range(0, n)
                    .flatMap(i -> client.post().uri(PATH + "/{id}/complete", id)
                            .exchangeToMono(response -> response.releaseBody()
                                    .thenReturn(response.statusCode().value())), n)
                    .collectList().block(Duration.ofSeconds(60));

            assertThat(statuses).hasSize(n);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s == 409).hasSize(n - 1);
        } finally {
            pool.disposeLater().block(Duration.ofSeconds(10));
        }
        assertThat(fixtures.state(a.id()).onHand()).isEqualByComparingTo("5");
        assertThat(fixtures.state(b.id()).onHand()).isEqualByComparingTo("7");
        assertThat(fixtures.movements(a.id())).hasSize(1);
        assertThat(fixtures.movements(b.id())).hasSize(1);
        assertThat(fixtures.auditActions("IntakeSession", id)).filteredOn("COMPLETED"::equals).hasSize(1);
    }

    // ---- cancel and receipt ---------------------------------------------------------------------------------------

    @Test
    void cancellingTouchesNoStock() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        addLine(id, lineBody(batch, "5", "1"));
        BatchState before = fixtures.state(batch.id());

        Map<?, ?> cancelled = http.post().uri(PATH + "/{id}/cancel", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(cancelled.get("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.get("cancelledAt")).isNotNull();
        assertThat(cancelled.get("completedAt")).isNull();
        assertThat(fixtures.state(batch.id())).isEqualTo(before);
        assertThat(fixtures.movements(batch.id())).isEmpty();
        assertThat(fixtures.auditActions("IntakeSession", id)).endsWith("CANCELLED");

        expectProblem(http.post().uri(PATH + "/{id}/cancel", id).exchange(), 409, "INVALID_STATE_TRANSITION");
        expectProblem(http.post().uri(PATH + "/{id}/complete", id).exchange(), 409, "INVALID_STATE_TRANSITION");
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lineBody(fixtures.announced(vendorId), "1", "1")).exchange(), 409,
                "INVALID_STATE_TRANSITION");
        // The batch is free for another session.
        long other = id(createSession());
        addLine(other, lineBody(batch, "5", "1"));
    }

    @Test
    void aReceiptExistsOnlyForACompletedSessionAndKeepsItsFirstGenerationTime() {
        long id = id(createSession());
        TestBatch batch = fixtures.announced(vendorId);
        addLine(id, lineBody(batch, "4", "2.25"));
        expectProblem(http.post().uri(PATH + "/{id}/receipt", id).exchange(), 409, "CONFLICT");
        assertThat(fixtures.row("SELECT receipt_generated FROM intake_sessions WHERE id = :v", id)
                .get("receipt_generated")).isIn(false, (byte) 0, 0, (short) 0);

        http.post().uri(PATH + "/{id}/complete", id).exchange().expectStatus().isOk();
        Map<?, ?> receipt = http.post().uri(PATH + "/{id}/receipt", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat((String) receipt.get("sessionNumber")).matches("INTAKE-\\d{6}");
        Map<?, ?> vendor = (Map<?, ?>) receipt.get("vendor");
        assertThat(((Number) vendor.get("id")).longValue()).isEqualTo(vendorId);
        assertThat((String) vendor.get("name")).startsWith("Session Vendor ");
        assertThat(receipt.get("receiveDate")).isEqualTo("2026-11-25");
        assertThat(receipt.get("paymentTerms")).isEqualTo("NET_30");
        assertThat(receipt.get("paymentDueDate")).isEqualTo("2026-12-25");
        assertThat(receipt.get("totalAmount")).isEqualTo("9.00");
        assertThat(receipt.get("amountPaid")).isEqualTo("0.00");
        assertThat(receipt.get("balance")).isEqualTo("9.00");
        assertThat(receipt.get("generatedAt")).isNotNull();
        assertThat((List<?>) receipt.get("lines")).singleElement().satisfies(raw -> {
            Map<?, ?> line = (Map<?, ?>) raw;
            assertThat(line.get("batchCode")).isEqualTo(batch.code());
            assertThat(line.get("sku")).isEqualTo(batch.sku());
            assertThat(line.get("productName")).isEqualTo(batch.productName());
            assertThat(line.get("receivedQty")).isEqualTo("4.0000");
            assertThat(line.get("unitCost")).isEqualTo("2.2500");
            assertThat(line.get("totalCost")).isEqualTo("9.00");
        });

        Map<?, ?> again = http.post().uri(PATH + "/{id}/receipt", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(again).isEqualTo(receipt);
        Map<?, ?> session = get(id);
        assertThat(session.get("receiptGenerated")).isEqualTo(true);
        assertThat(session.get("receiptGeneratedAt")).isEqualTo(receipt.get("generatedAt"));
        assertThat(fixtures.auditActions("IntakeSession", id)).filteredOn("RECEIPT_GENERATED"::equals).hasSize(1);
    }

    // ---- list -----------------------------------------------------------------------------------------------------

    @Test
    void listFiltersByVendorStatusAndReceiveDateWithKeysetPaging() {
        long ownVendor = fixtures.vendor();
        vendorId = ownVendor;
        long early = id(createSession(Map.of("receiveDate", "2026-01-10", "paymentDueDate", "2026-02-10")));
        long middle = id(createSession(Map.of("receiveDate", "2026-02-10", "paymentDueDate", "2026-03-10")));
        long late = id(createSession(Map.of("receiveDate", "2026-03-10", "paymentDueDate", "2026-04-10")));
        http.post().uri(PATH + "/{id}/cancel", middle).exchange().expectStatus().isOk();

        assertThat(listIds("?vendorId=" + ownVendor)).containsExactly(early, middle, late);
        assertThat(listIds("?vendorId=" + ownVendor + "&status=CANCELLED")).containsExactly(middle);
        assertThat(listIds("?vendorId=" + ownVendor + "&status=IN_PROGRESS")).containsExactly(early, late);
        assertThat(listIds("?vendorId=" + ownVendor + "&receivedFrom=2026-02-10&receivedTo=2026-03-10"))
                .containsExactly(middle, late);
        assertThat(listIds("?vendorId=" + ownVendor + "&receivedTo=2026-01-10")).containsExactly(early);

        Map<?, ?> page = http.get().uri(PATH + "?limit=2&vendorId=" + ownVendor).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(((List<?>) page.get("items"))).hasSize(2);
        assertThat(((Map<?, ?>) ((List<?>) page.get("items")).get(0)).get("lines")).as("lists carry no lines")
                .isNull();
        String cursor = (String) page.get("nextCursor");
        assertThat(cursor).isNotNull();
        assertThat(listIds("?limit=2&vendorId=" + ownVendor + "&cursor=" + cursor)).containsExactly(late);

        for (String bad : List.of("status=OPEN", "vendorId=abc", "vendorId=0", "receivedFrom=2026-02-30",
                "receivedFrom=yesterday", "receivedFrom=2026-03-01&receivedTo=2026-02-01", "limit=0",
                "cursor=nonsense")) {
            expectProblem(http.get().uri(PATH + "?" + bad).exchange(), 400, "VALIDATION_FAILED");
        }
    }

    // ---- permissions ----------------------------------------------------------------------------------------------

    @Test
    void viewersMayReadButNeverWrite() {
        long id = id(createSession());
        String viewer = "Bearer " + tokens.forRole(Role.VIEWER);
        http.get().uri(PATH + "/{id}", id).header(HttpHeaders.AUTHORIZATION, viewer).exchange()
                .expectStatus().isOk();
        http.get().uri(PATH).header(HttpHeaders.AUTHORIZATION, viewer).exchange().expectStatus().isOk();
        long sessions = fixtures.count("SELECT COUNT(*) FROM intake_sessions");
        expectProblem(http.post().uri(PATH).header(HttpHeaders.AUTHORIZATION, viewer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(sessionBody()).exchange(), 403, "FORBIDDEN");
        expectProblem(http.post().uri(PATH + "/{id}/lines", id).header(HttpHeaders.AUTHORIZATION, viewer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(lineBody(fixtures.announced(vendorId), "1", "1"))
                .exchange(), 403, "FORBIDDEN");
        expectProblem(http.post().uri(PATH + "/{id}/cancel", id).header(HttpHeaders.AUTHORIZATION, viewer)
                .exchange(), 403, "FORBIDDEN");
        expectProblem(http.post().uri(PATH + "/{id}/cancel", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.SALES)).exchange(), 403,
                "FORBIDDEN");
        assertThat(fixtures.count("SELECT COUNT(*) FROM intake_sessions")).isEqualTo(sessions);
        assertThat(get(id).get("status")).isEqualTo("IN_PROGRESS");
    }

    @Test
    void everyEndpointIsDocumented() {
        http.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['" + PATH + "'].get.operationId").isEqualTo("listIntakeSessions")
                .jsonPath("$.paths['" + PATH + "'].post.operationId").isEqualTo("createIntakeSession")
                .jsonPath("$.paths['" + PATH + "/{id}'].get.operationId").isEqualTo("getIntakeSession")
                .jsonPath("$.paths['" + PATH + "/{id}/lines'].post.operationId").isEqualTo("addIntakeSessionLine")
                .jsonPath("$.paths['" + PATH + "/{id}/lines/{lineId}'].put.operationId")
                .isEqualTo("updateIntakeSessionLine")
                .jsonPath("$.paths['" + PATH + "/{id}/lines/{lineId}'].delete.parameters[?(@.name == 'lineId')]")
                .exists()
                .jsonPath("$.paths['" + PATH + "/{id}/complete'].post.responses['409']").exists()
                .jsonPath("$.paths['" + PATH + "/{id}/cancel'].post.security").exists()
                .jsonPath("$.paths['" + PATH + "/{id}/receipt'].post.operationId").isEqualTo("generateIntakeReceipt")
                .jsonPath("$.components.schemas.IntakeSession.properties.lines").exists()
                .jsonPath("$.components.schemas.IntakeReceipt.properties.balance").exists()
                .jsonPath("$.components.schemas.IntakeSessionRequest.properties.receivedBy").doesNotExist();
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private Map<?, ?> createSession() {
        return createSession(Map.of());
    }

    private Map<?, ?> createSession(Map<String, Object> overrides) {
        Map<String, Object> body = sessionBody();
        body.putAll(overrides);
        return http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    private Map<?, ?> addLine(long sessionId, Map<String, Object> body) {
        return http.post().uri(PATH + "/{id}/lines", sessionId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
    }

    /** The session's stored state, to show that a refused change left it alone. */
    private Map<String, Object> sessionRow(long id) {
        return fixtures.row("SELECT status, version, completed_at, total_amount FROM intake_sessions WHERE id = :v",
                id);
    }

    private Map<?, ?> get(long id) {
        return http.get().uri(PATH + "/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<Long> listIds(String query) {
        Map<?, ?> page = http.get().uri(PATH + query).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> id((Map<?, ?>) item)).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<?, ?>> lines(Map<?, ?> session) {
        return (List<Map<?, ?>>) session.get("lines");
    }

    private static long id(Map<?, ?> body) {
        return ((Number) body.get("id")).longValue();
    }

    private static List<String> fields(Map<?, ?> problem) {
        return ((List<?>) problem.get("errors")).stream()
                .map(error -> String.valueOf(((Map<?, ?>) error).get("field"))).toList();
    }

    private static Map<?, ?> expectProblem(WebTestClient.ResponseSpec response, int status, String code) {
        Map<?, ?> problem = response.expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("code")).as(String.valueOf(problem)).isEqualTo(code);
        return problem;
    }

    /** 400 VALIDATION_FAILED naming exactly these fields, and no session written. */
    private void rejectedCreate(Map<String, Object> body, String... fields) {
        long sessions = fixtures.count("SELECT COUNT(*) FROM intake_sessions");
        Map<?, ?> problem = expectProblem(http.post().uri(PATH).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange(), 400, "VALIDATION_FAILED");
        assertThat(fields(problem)).as(String.valueOf(problem)).containsExactlyInAnyOrder(fields);
        assertThat(fixtures.count("SELECT COUNT(*) FROM intake_sessions")).isEqualTo(sessions);
    }

    /** 400 VALIDATION_FAILED naming exactly these fields; the session and its lines are unchanged. */
    private void rejectedLine(long sessionId, Map<String, Object> body, String... fields) {
        Map<?, ?> before = get(sessionId);
        Map<?, ?> problem = expectProblem(http.post().uri(PATH + "/{id}/lines", sessionId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400, "VALIDATION_FAILED");
        assertThat(fields(problem)).as(String.valueOf(problem)).containsExactlyInAnyOrder(fields);
        assertThat(get(sessionId)).isEqualTo(before);
    }
}
