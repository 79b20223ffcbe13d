package dev.terp.inventory.alert;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.terp.inventory.alert.api.GenerateResult;
import dev.terp.platform.security.Role;
import dev.terp.platform.observability.BusinessTelemetry;
import dev.terp.platform.tx.TransactionRunner;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * D-29: alert generation over 5 000 more batches runs in bounded pages, each its own short transaction, answers
 * over HTTP, never holds more than a page, and two concurrent runs neither fail nor open anything twice.
 */
@IntegrationTest
class AlertGenerationAtScaleIT {

    private static final AtomicLong USERS = new AtomicLong(7_900_000);
    private static final String OWN_ALERTS = "inventory_alerts a JOIN batches b ON b.id = a.batch_id";
    private static final String OPEN = "a.status IN ('ACTIVE', 'ACKNOWLEDGED')";
    private static final String ALERTABLE = "b.status IN ('LIVE', 'PHOTOGRAPHY_COMPLETE')";

    @LocalServerPort
    int port;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestTokens tokens;

    @Autowired
    TransactionRunner tx;

    @Autowired
    AlertProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    BusinessTelemetry telemetry;

    BulkBatches bulk;
    WebClient client;

    @BeforeEach
    void setUp() {
        bulk = new BulkBatches(db).create(5000, LocalDate.now(ZoneOffset.UTC).plusDays(10));
        client = WebClient.builder().baseUrl("http://localhost:" + port).build();
    }

    @AfterEach
    void tearDown() {
        bulk.delete();
    }

    private Mono<GenerateResult> generateOverHttp() {
        String token = "Bearer " + tokens.forUser(USERS.incrementAndGet(), "alert-scale", Set.of(Role.WAREHOUSE));
        return client.post().uri("/api/v1/inventory/alerts/generate").header(HttpHeaders.AUTHORIZATION, token)
                .retrieve().bodyToMono(GenerateResult.class);
    }

    private long ownOpen(String type) {
        return bulk.count(OWN_ALERTS, OPEN + " AND a.alert_type = '" + type + "'");
    }

    /** Every open alert of the set is exactly what the rules want, counted independently in SQL. */
    private void assertOwnAlertsMatchTheRules() {
        assertThat(ownOpen("LOW_STOCK")).isEqualTo(bulk.count("batches b",
                ALERTABLE + " AND b.on_hand_qty > 0 AND b.on_hand_qty <= 10"));
        assertThat(ownOpen("OVERSTOCK")).isEqualTo(bulk.count("batches b", ALERTABLE + " AND b.on_hand_qty >= 100"));
        assertThat(ownOpen("EXPIRING")).isEqualTo(bulk.count("batches b",
                ALERTABLE + " AND b.expiration_date IS NOT NULL"));
        assertThat(ownOpen("SLOW_MOVING")).isZero();
        assertThat(bulk.count(OWN_ALERTS, OPEN + " AND NOT " + ALERTABLE)).isZero();
    }

    /** The fresh set has alerts of each stock and expiry type (so the checks above are not vacuous). */
    private void assertEveryTypeIsOpen() {
        assertThat(ownOpen("LOW_STOCK")).isGreaterThan(500);
        assertThat(ownOpen("OVERSTOCK")).isGreaterThan(500);
        assertThat(ownOpen("EXPIRING")).isGreaterThan(300);
    }

    @Test
    void generatesFiveThousandBatchesOverHttpAndConcurrentRunsNeitherFailNorDuplicate() {
        long started = System.nanoTime();
        GenerateResult first = generateOverHttp().block(Duration.ofSeconds(60));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("alert generation over 5000 bulk batches: " + elapsed.toMillis() + " ms, " + first);
        assertThat(elapsed).isLessThan(Duration.ofSeconds(30));
        long ownOpen = bulk.count(OWN_ALERTS, OPEN);
        assertThat(first.opened()).isGreaterThanOrEqualTo(Math.toIntExact(ownOpen));
        assertOwnAlertsMatchTheRules();
        assertEveryTypeIsOpen();

        // New lows, refreshed severities and batches that left the alertable set, then two runs at once.
        long toResolve = bulk.count(OWN_ALERTS, OPEN + " AND b.status = 'LIVE' AND b.on_hand_qty = 150");
        bulk.update("status = 'SOLD_OUT'", "b.status = 'LIVE' AND b.on_hand_qty = 150");
        long toOpen = bulk.update("on_hand_qty = 5", "b.status = 'LIVE' AND b.on_hand_qty = 50");
        long toUpdate = bulk.update("on_hand_qty = 4", "b.status = 'PHOTOGRAPHY_COMPLETE' AND b.on_hand_qty = 5.5");
        assertThat(toResolve).isPositive();
        assertThat(toOpen).isPositive();
        assertThat(toUpdate).isPositive();

        List<GenerateResult> runs = Flux.range(0, 2).flatMap(i -> generateOverHttp(), 2).collectList()
                .block(Duration.ofSeconds(120));

        assertThat(runs).hasSize(2);
        assertThat(runs.stream().mapToInt(GenerateResult::opened).sum()).isEqualTo(toOpen);
        assertThat(runs.stream().mapToInt(GenerateResult::updated).sum()).isEqualTo(toUpdate);
        assertThat(runs.stream().mapToInt(GenerateResult::resolved).sum()).isEqualTo(toResolve);
        assertOwnAlertsMatchTheRules();
        assertThat(bulk.count(OWN_ALERTS, "a.status = 'RESOLVED'")).isEqualTo(toResolve);
    }

    /** Records, per repository read, how many rows the service was handed: what it holds at once. */
    static final class CountingRepository extends AlertRepository {

        final AtomicInteger batchPages = new AtomicInteger();
        final AtomicInteger largestBatchPage = new AtomicInteger();
        final AtomicInteger largestLockedAlerts = new AtomicInteger();
        final AtomicInteger largestStockDates = new AtomicInteger();
        final AtomicInteger largestStalePage = new AtomicInteger();

        CountingRepository(DatabaseClient db) {
            super(db);
        }

        @Override
        Mono<List<BatchFacts>> alertableBatches(long afterId, int limit) {
            return super.alertableBatches(afterId, limit).doOnNext(rows -> {
                batchPages.incrementAndGet();
                largestBatchPage.accumulateAndGet(rows.size(), Math::max);
            });
        }

        @Override
        Flux<InventoryAlert> lockOpenOf(List<Long> batchIds) {
            return super.lockOpenOf(batchIds).collectList()
                    .doOnNext(rows -> largestLockedAlerts.accumulateAndGet(rows.size(), Math::max))
                    .flatMapMany(Flux::fromIterable);
        }

        @Override
        Mono<Map<Long, StockDates>> stockDates(List<Long> batchIds) {
            return super.stockDates(batchIds)
                    .doOnNext(rows -> largestStockDates.accumulateAndGet(rows.size(), Math::max));
        }

        @Override
        Mono<List<Long>> staleOpenAlerts(long afterId, int limit) {
            return super.staleOpenAlerts(afterId, limit)
                    .doOnNext(rows -> largestStalePage.accumulateAndGet(rows.size(), Math::max));
        }
    }

    @Test
    void neverHoldsMoreThanOnePageAndReportsProgress() {
        int pageSize = 250;
        CountingRepository counting = new CountingRepository(db);
        AlertService service = new AlertService(counting, tx, new AlertProperties(properties.lowStock(),
                properties.overstock(), properties.expiringDays(), properties.slowMovingDays(), pageSize), clock,
                telemetry);
        List<long[]> progress = new CopyOnWriteArrayList<>();

        AtomicReference<GenerateResult> result = new AtomicReference<>();
        service.generate((done, total) -> progress.add(new long[] {done, total}))
                .as(StepVerifier::create)
                .consumeNextWith(result::set)
                .expectComplete()
                .verify(Duration.ofSeconds(60));

        assertOwnAlertsMatchTheRules();
        assertEveryTypeIsOpen();
        assertThat(result.get().opened()).isGreaterThanOrEqualTo(Math.toIntExact(bulk.count(OWN_ALERTS, OPEN)));
        long alertable = bulk.count("batches b", ALERTABLE);
        assertThat(counting.batchPages.get()).isGreaterThanOrEqualTo(Math.toIntExact(alertable / pageSize));
        assertThat(counting.largestBatchPage.get()).isEqualTo(pageSize);
        assertThat(counting.largestStockDates.get()).isLessThanOrEqualTo(pageSize);
        assertThat(counting.largestLockedAlerts.get()).isLessThanOrEqualTo(4 * pageSize);
        assertThat(counting.largestStalePage.get()).isLessThanOrEqualTo(pageSize);
        assertThat(progress).hasSizeGreaterThanOrEqualTo(Math.toIntExact(alertable / pageSize));
        long[] last = progress.get(progress.size() - 1);
        assertThat(last[0]).isEqualTo(last[1]).isGreaterThanOrEqualTo(alertable);
        for (int i = 1; i < progress.size(); i++) {
            assertThat(progress.get(i)[0]).isGreaterThan(progress.get(i - 1)[0]);
        }

        // Everything leaves the alertable set: resolved in stale pages, still one page at a time.
        long open = bulk.count(OWN_ALERTS, OPEN);
        bulk.update("status = 'ON_HOLD'", ALERTABLE);
        service.generate()
                .as(StepVerifier::create)
                .assertNext(resolving -> assertThat(resolving.resolved()).isGreaterThanOrEqualTo(Math.toIntExact(open)))
                .expectComplete()
                .verify(Duration.ofSeconds(60));
        assertThat(bulk.count(OWN_ALERTS, OPEN)).isZero();
        assertThat(counting.largestStalePage.get()).isEqualTo(pageSize);
    }
}
