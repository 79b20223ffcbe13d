package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import dev.terp.inventory.batch.InventoryFixtures.MovementRow;
import dev.terp.support.TestBatch;
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

import static dev.terp.support.TestBatches.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * D-06: concurrent stock changes over real HTTP. The requests are in flight at the same time (a non-blocking client,
 * concurrency = request count), so they really compete for the batch row.
 */
@IntegrationTest
class StockConcurrencyIT {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    WebTestClient http;

    @Autowired
    TestTokens tokens;

    @Autowired
    MeterRegistry meters;

    InventoryFixtures fixtures;
    ConnectionProvider pool;
    WebClient client;

    @AfterEach
    void closePool() {
        pool.disposeLater().block(Duration.ofSeconds(10));
    }

    @BeforeEach
    void setUp() {
        fixtures = new InventoryFixtures(db);
        // The default client pool (16 connections on a small machine) would queue the requests on the client side;
        // one connection per request puts them all in flight at once.
        pool = ConnectionProvider.builder("stock-concurrency-it").maxConnections(200).pendingAcquireMaxCount(1_000)
                .build();
        client = WebClient.builder().baseUrl("http://localhost:" + port)
                .clientConnector(new ReactorClientHttpConnector(HttpClient.create(pool)))
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.admin())
                .build();
        warmUp();
    }

    /**
     * The deadline of each transaction (10 s) includes its wait for a connection and for the row lock, and the
     * requests of these tests queue on one row. A cold JVM (first request ~4 s, JIT, BlockHound) would spend the
     * budget on warming up, which is not what these tests are about; a few requests first make them measure the
     * locking, not the start-up.
     */
    private void warmUp() {
        TestBatch scratch = fixtures.batch("LIVE", "100");
        Flux.range(0, 20)
                .concatMap(i -> post("/api/v1/batches/" + scratch.id() + "/adjustments",
                        Map.of("mode", "RELATIVE", "quantity", "1", "reason", "warm-up")))
                .then(Flux.range(0, 20)
                        .flatMap(i -> post("/api/v1/batches/" + scratch.id() + "/reservations",
                                Map.of("quantity", "1", "holderType", "MANUAL", "holderId", i + 1)), 20)
                        .then())
                .block(Duration.ofSeconds(60));
    }

    @Test
    void fiftyParallelReservationsOfOneFromTenAvailableLetExactlyTenThrough() {
        TestBatch batch = fixtures.batch("LIVE", "10");

        List<Outcome> outcomes = Flux.range(0, 50)
                .flatMap(i -> post("/api/v1/batches/" + batch.id() + "/reservations",
                        Map.of("quantity", "1", "holderType", "MANUAL", "holderId", i + 1)), 50)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).hasSize(50);
        assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o.status() == 409).hasSize(40)
                .allSatisfy(o -> assertThat(o.body()).contains("\"code\":\"INSUFFICIENT_INVENTORY\""));

        Map<String, BigDecimal> quantities = fixtures.quantities(batch.id());
        assertThat(quantities.get("reserved")).isEqualByComparingTo("10");
        assertThat(quantities.get("onHand")).isEqualByComparingTo("10");
        // One row per holder that got through, adding up to reservedQty.
        assertThat(fixtures.reservations(batch.id())).hasSize(10)
                .allSatisfy((holder, held) -> assertThat(held).isEqualByComparingTo("1"));
        assertThat(fixtures.reservedByHolders(batch.id())).isEqualByComparingTo("10");
        List<MovementRow> movements = fixtures.movements(batch.id());
        assertThat(movements).hasSize(10).extracting(MovementRow::type).containsOnly("RESERVATION");
        assertThat(movements).allSatisfy(m -> assertThat(m.after().signum()).isNotNegative());
        assertChained(movements);
        assertThat(movements.get(9).after()).isEqualByComparingTo("10");
    }

    @Test
    void aHundredParallelRelativeAdjustmentsLoseNothingAndChainBeforeAndAfter() {
        TestBatch batch = fixtures.batch("LIVE", "50");

        List<Outcome> outcomes = Flux.range(0, 100)
                .flatMap(i -> post("/api/v1/batches/" + batch.id() + "/adjustments",
                        Map.of("mode", "RELATIVE", "quantity", i % 2 == 0 ? "1" : "-1", "reason", "count " + i)), 100)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).extracting(Outcome::status).containsOnly(200);
        assertThat(fixtures.quantities(batch.id()).get("onHand")).isEqualByComparingTo("50");
        List<MovementRow> movements = fixtures.movements(batch.id());
        assertThat(movements).hasSize(100);
        assertThat(movements.get(0).before()).isEqualByComparingTo("50");
        assertChained(movements);
        assertThat(movements.get(99).after()).isEqualByComparingTo("50");
        assertThat(movements.stream().map(MovementRow::change).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0");
        assertThat(fixtures.version(batch.id())).isEqualTo(100);
    }

    @Test
    void parallelTransfersBackAndForthAndAdjustmentsKeepLocationsSummingToOnHand() {
        TestBatch batch = fixtures.batch("LIVE", "100");
        long a = fixtures.location();
        long b = fixtures.location();
        fixtures.place(batch.id(), a, "50");
        fixtures.place(batch.id(), b, "50");

        Flux<Outcome> transfers = Flux.range(0, 20)
                .map(i -> i % 2 == 0 ? List.of(a, b) : List.of(b, a))
                .flatMap(fromTo -> post("/api/v1/batches/" + batch.id() + "/transfers",
                        Map.of("fromLocationId", fromTo.get(0), "toLocationId", fromTo.get(1), "quantity", "7")), 20);
        Flux<Outcome> adjustments = Flux.range(0, 6)
                .flatMap(i -> post("/api/v1/batches/" + batch.id() + "/adjustments",
                        Map.of("mode", "RELATIVE", "quantity", i % 2 == 0 ? "3" : "-2", "reason", "count " + i)), 6);
        List<List<Outcome>> outcomes = Flux.merge(transfers.collectList().flux(), adjustments.collectList().flux())
                .collectList().block(Duration.ofSeconds(60));
        List<Outcome> all = outcomes.stream().flatMap(List::stream).toList();

        assertThat(all).hasSize(26).extracting(Outcome::status).allMatch(s -> s == 200 || s == 409);
        assertThat(all).filteredOn(o -> o.status() == 409)
                .allSatisfy(o -> assertThat(o.body()).contains("INSUFFICIENT_INVENTORY"));

        BigDecimal onHand = fixtures.quantities(batch.id()).get("onHand");
        Map<Long, BigDecimal> locations = fixtures.locationQuantities(batch.id());
        assertThat(locations.values()).allSatisfy(qty -> assertThat(qty.signum()).isNotNegative());
        assertThat(locations.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(onHand);

        List<MovementRow> movements = fixtures.movements(batch.id());
        long transferSuccesses = all.stream().filter(o -> o.status() == 200 && o.body().contains("\"items\""))
                .count();
        long adjustmentSuccesses = all.stream().filter(o -> o.status() == 200 && o.body().contains("onHandQty"))
                .count();
        assertThat(transferSuccesses).isPositive();
        // On-hand never drops below 94 here, so every adjustment fits.
        assertThat(adjustmentSuccesses).isEqualTo(6);
        assertThat(transferSuccesses + adjustmentSuccesses)
                .isEqualTo(all.stream().filter(o -> o.status() == 200).count());
        assertThat(movements).filteredOn(m -> m.type().equals("TRANSFER")).hasSize((int) (2 * transferSuccesses));
        assertThat(movements).filteredOn(m -> m.type().equals("ADJUSTMENT")).hasSize((int) adjustmentSuccesses);
        // On-hand moved only by the adjustments that went through.
        BigDecimal adjusted = movements.stream().filter(m -> m.type().equals("ADJUSTMENT")).map(MovementRow::change)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(onHand).isEqualByComparingTo(new BigDecimal("100").add(adjusted));
        assertThat(movements).allSatisfy(m -> {
            assertThat(m.after().signum()).isNotNegative();
            assertThat(m.before().add(m.change())).isEqualByComparingTo(m.after());
        });
    }

    @Test
    void parallelTransfersIntoALimitedLocationNeverOverfillIt() {
        long limited = fixtures.location("10");
        // Received over the API: each batch's one unit lies at its own intake site.
        List<TestBatch> batches = IntStream.range(0, 24)
                .mapToObj(i -> aBatch().named("Inv").withStatus("LIVE").withOnHand("1").receive(http)).toList();
        List<Long> sources = batches.stream().map(TestBatch::locationId).toList();

        List<Outcome> outcomes = Flux.range(0, batches.size())
                .flatMap(i -> post("/api/v1/batches/" + batches.get(i).id() + "/transfers",
                        Map.of("fromLocationId", sources.get(i), "toLocationId", limited, "quantity", "1")),
                        batches.size())
                .collectList().block(Duration.ofSeconds(60));

        assertThat(outcomes).extracting(Outcome::status).containsOnly(200, 409);
        assertThat(outcomes).filteredOn(o -> o.status() == 200).hasSize(10);
        assertThat(outcomes).filteredOn(o -> o.status() == 409)
                .allSatisfy(o -> assertThat(o.body()).contains("LOCATION_CAPACITY_EXCEEDED"));
        assertThat(fixtures.heldAt(limited)).isEqualByComparingTo("10");
        for (int i = 0; i < batches.size(); i++) {
            Map<Long, BigDecimal> locations = fixtures.locationQuantities(batches.get(i).id());
            assertThat(locations.getOrDefault(sources.get(i), BigDecimal.ZERO)
                    .add(locations.getOrDefault(limited, BigDecimal.ZERO))).isEqualByComparingTo("1");
        }
    }

    @Test
    void parallelIntakesIntoTwoNeighbouringEmptyLimitedLocationsAllLandWithoutRetries() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", "Conc Cat " + tag));
        // Created one after the other and empty: their rows would share an index gap.
        List<String> sites = List.of("Conc A " + tag, "Conc B " + tag);
        for (String site : sites) {
            post("/api/v1/locations", Map.of("site", site, "capacity", "1000")).block(Duration.ofSeconds(10));
        }
        double deadlocksBefore = deadlocks();

        List<Outcome> outcomes = Flux.range(0, 20)
                .flatMap(i -> post("/api/v1/inventory/intake", Map.of("vendorName", "Conc Vendor " + tag + i,
                        "brandName", "Conc Brand " + tag + i, "productName", "Conc Product " + tag + i,
                        "category", "Conc Cat " + tag, "quantity", "10", "cogsMode", "FIXED", "unitCogs", "1.00",
                        "paymentTerms", "COD", "location", Map.of("site", sites.get(i % 2)))), 20)
                .collectList().block(Duration.ofSeconds(90));

        assertThat(outcomes).extracting(Outcome::status).containsOnly(201);
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
        assertThat(rows.value("SELECT COALESCE(SUM(bl.qty), 0) AS held FROM batch_locations bl "
                        + "JOIN locations l ON l.id = bl.location_id WHERE l.site IN (:sites)",
                                Map.of("sites", sites), BigDecimal.class))
                .isEqualByComparingTo("200");
    }

    /** Deadlocks the transaction runner has retried so far, in this JVM. */
    private double deadlocks() {
        Counter counter = meters.find("terp.tx.retries").tag("reason", "deadlock").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void crossingTransfersAndIncreasesBetweenTwoLimitedLocationsNeitherDeadlockNorOverfill() {
        double deadlocksBefore = deadlocks();
        long first = fixtures.location("60");
        long second = fixtures.location("60");
        List<TestBatch> batches = IntStream.range(0, 10).mapToObj(i -> fixtures.batch("LIVE", "10")).toList();
        for (TestBatch batch : batches) {
            fixtures.place(batch.id(), first, "5");
            fixtures.place(batch.id(), second, "5");
        }

        List<Outcome> outcomes = Flux.range(0, 40)
                .flatMap(i -> {
                    TestBatch batch = batches.get(i % batches.size());
                    return switch (i % 4) {
                        case 0 -> post("/api/v1/batches/" + batch.id() + "/transfers",
                                Map.of("fromLocationId", first, "toLocationId", second, "quantity", "2"));
                        case 1 -> post("/api/v1/batches/" + batch.id() + "/transfers",
                                Map.of("fromLocationId", second, "toLocationId", first, "quantity", "2"));
                        default -> post("/api/v1/batches/" + batch.id() + "/adjustments",
                                Map.of("mode", "RELATIVE", "quantity", "1", "reason", "found one"));
                    };
                }, 40)
                .collectList().block(Duration.ofSeconds(90));

        assertThat(outcomes).extracting(Outcome::status).containsOnly(200, 409);
        assertThat(outcomes).filteredOn(o -> o.status() == 409)
                .allSatisfy(o -> assertThat(o.body()).containsAnyOf("LOCATION_CAPACITY_EXCEEDED",
                        "INSUFFICIENT_INVENTORY"));
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
        assertThat(fixtures.heldAt(first)).isLessThanOrEqualTo(new BigDecimal("60"));
        assertThat(fixtures.heldAt(second)).isLessThanOrEqualTo(new BigDecimal("60"));
        for (TestBatch batch : batches) {
            BigDecimal placed = fixtures.locationQuantities(batch.id()).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(placed).isEqualByComparingTo(fixtures.quantities(batch.id()).get("onHand"));
        }
    }

    private static void assertChained(List<MovementRow> movements) {
        for (int i = 1; i < movements.size(); i++) {
            assertThat(movements.get(i).before()).as("movement %d before", i)
                    .isEqualByComparingTo(movements.get(i - 1).after());
        }
        for (MovementRow movement : movements) {
            assertThat(movement.before().add(movement.change())).isEqualByComparingTo(movement.after());
        }
    }

    record Outcome(int status, String body) {
    }

    private Mono<Outcome> post(String path, Map<String, ?> body) {
        return client.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                        .map(text -> new Outcome(response.statusCode().value(), text)));
    }
}
