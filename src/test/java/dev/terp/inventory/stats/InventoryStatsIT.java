package dev.terp.inventory.stats;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.terp.domain.Rounding;
import dev.terp.inventory.alert.AlertFixtures;
import dev.terp.inventory.alert.BulkBatches;
import dev.terp.inventory.domain.BatchStatus;
import dev.terp.inventory.domain.CogsCalculator;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;
import dev.terp.support.Unique;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Stats: RANGE batches are valued at their midpoint (D-27 fixed), money and quantities as strings. */
@IntegrationTest
class InventoryStatsIT {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @SuppressWarnings("unchecked")
    @Test
    void valuesFixedAndRangeBatchesWithTheCostBasis() {
        AlertFixtures fixtures = new AlertFixtures(db);
        String category = Unique.name("Stats");
        // FIXED 100000.00 × 3 = 300000.00; RANGE 1.00..2.25 → midpoint 1.625 → 1.63 (HALF_UP, Rounding) × 2.5 =
        // 4.075; summed exactly and rounded once: 300004.075 → 300004.08. The value keeps the category among the
        // most valuable ones byCategory lists, whatever other tests left in the database.
        fixtures.batch("LIVE", "3", null, "FIXED", "100000.00", null, null, category);
        fixtures.batch("QUARANTINED", "2.5", null, "RANGE", null, "1.00", "2.25", category);

        Map<String, Object> stats = http.get().uri("/api/v1/inventory/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.VIEWER)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<Map<String, Object>> categories = (List<Map<String, Object>>) stats.get("byCategory");
        assertThat(categories).filteredOn(entry -> category.equals(entry.get("category"))).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("value", "300004.08").containsEntry("units", "5.5000"));
        assertThat(stats.get("totalValue")).asString().matches("\\d+\\.\\d{2}");
        assertThat(stats.get("totalUnits")).asString().matches("\\d+\\.\\d{4}");
        Map<String, Object> counts = (Map<String, Object>) stats.get("countsByStatus");
        assertThat(counts).containsKeys("AWAITING_INTAKE", "LIVE", "PHOTOGRAPHY_COMPLETE", "ON_HOLD", "QUARANTINED",
                "SOLD_OUT", "CLOSED");
        assertThat(((Number) counts.get("QUARANTINED")).longValue()).isPositive();
    }

    /** Counts the rows the service reads, to prove it reads groups, never batches. */
    static final class CountingRepository extends InventoryStatsRepository {

        final AtomicLong rows = new AtomicLong();

        CountingRepository(DatabaseClient db) {
            super(db);
        }

        @Override
        Flux<Group> groups() {
            return super.groups().doOnNext(group -> rows.incrementAndGet());
        }
    }

    private record Valued(BigDecimal units, BigDecimal value) {
        Valued plus(BigDecimal onHand, BigDecimal unitCost) {
            return new Valued(units.add(onHand), value.add(onHand.multiply(unitCost)));
        }
    }

    /**
     * D-29: over 5 000 more batches the stats come from SQL aggregates within the 10 s deadline, read one row per
     * category and status, and equal to the cent what the former Java path (every batch valued by CogsCalculator,
     * incomplete COGS at 0, summed exactly, rounded once) gives over the same rows.
     */
    @SuppressWarnings("unchecked")
    @Test
    void statsOverFiveThousandBatchesComeFromAggregatesAndMatchTheCalculator() {
        BulkBatches bulk = new BulkBatches(db).create(5000, LocalDate.now(ZoneOffset.UTC).plusDays(10));
        try {
            long started = System.nanoTime();
            Map<String, Object> stats = http.mutate().responseTimeout(Duration.ofSeconds(30)).build()
                    .get().uri("/api/v1/inventory/stats")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.VIEWER)).exchange()
                    .expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));

            // The former Java path, over every batch, read independently.
            Map<String, Valued> expected = new HashMap<>();
            Valued[] all = {new Valued(BigDecimal.ZERO, BigDecimal.ZERO)};
            rows.list("SELECT b.on_hand_qty, b.cogs_mode, b.unit_cogs, b.unit_cogs_min, b.unit_cogs_max, c.name "
                            + "FROM batches b JOIN products p ON p.id = b.product_id "
                            + "LEFT JOIN categories c ON c.id = p.category_id", Map.of(),
                    row -> {
                        BigDecimal onHand = row.get("on_hand_qty", BigDecimal.class);
                        BigDecimal unitCost;
                        try {
                            unitCost = CogsCalculator.unitCostBasis(new CogsCalculator.Basis(
                                    CogsCalculator.Mode.valueOf(row.get("cogs_mode", String.class)),
                                    row.get("unit_cogs", BigDecimal.class), row.get("unit_cogs_min", BigDecimal.class),
                                    row.get("unit_cogs_max", BigDecimal.class)));
                        } catch (IllegalArgumentException incomplete) {
                            unitCost = BigDecimal.ZERO;
                        }
                        String name = row.get("name", String.class);
                        expected.merge(name == null ? InventoryStatsService.UNCATEGORIZED : name,
                                new Valued(onHand, onHand.multiply(unitCost)),
                                (a, b) -> new Valued(a.units().add(b.units()), a.value().add(b.value())));
                        all[0] = all[0].plus(onHand, unitCost);
                        return 1;
                    });

            assertThat(stats.get("totalUnits")).isEqualTo(Rounding.quantity(all[0].units()).toPlainString());
            assertThat(stats.get("totalValue")).isEqualTo(Rounding.money(all[0].value()).toPlainString());
            assertThat(stats.get("averageValuePerUnit"))
                    .isEqualTo(Rounding.moneyQuotient(all[0].value(), all[0].units()).toPlainString());
            List<Map<String, Object>> categories = (List<Map<String, Object>>) stats.get("byCategory");
            // Every category is counted; the most valuable ones are listed, at most MAX_CATEGORIES of them.
            assertThat(stats.get("categoryCount")).isEqualTo(expected.size());
            assertThat(categories).extracting(entry -> entry.get("category")).containsExactlyElementsOf(
                    expected.entrySet().stream()
                            .sorted(Map.Entry.<String, Valued>comparingByValue(
                                    java.util.Comparator.comparing(Valued::value)).reversed()
                                    .thenComparing(Map.Entry.comparingByKey()))
                            .limit(InventoryStatsService.MAX_CATEGORIES).map(Map.Entry::getKey).toList());
            for (String category : bulk.categories) {
                Valued want = expected.get(category);
                assertThat(categories).filteredOn(entry -> category.equals(entry.get("category"))).singleElement()
                        .satisfies(entry -> assertThat(entry)
                                .containsEntry("units", Rounding.quantity(want.units()).toPlainString())
                                .containsEntry("value", Rounding.money(want.value()).toPlainString()));
            }
            // Spot check against an independent SQL sum: a thousand batches per category.
            assertThat(bulk.count("batches b JOIN products p ON p.id = b.product_id JOIN categories c "
                    + "ON c.id = p.category_id", "c.name = '" + bulk.categories.get(0) + "'")).isEqualTo(1000);
            Map<String, Long> statusCounts = rows.list("SELECT status, COUNT(*) AS n FROM batches GROUP BY status",
                    Map.of(), row -> Map.entry(row.get("status", String.class), row.get("n", Long.class))).stream()
                    .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            Map<String, Object> counts = (Map<String, Object>) stats.get("countsByStatus");
            statusCounts.forEach((status, n) -> assertThat(((Number) counts.get(status)).longValue())
                    .as(status).isEqualTo(n));
            assertThat(((Number) counts.get("QUARANTINED")).longValue()).isGreaterThanOrEqualTo(500);

            // Memory stays flat: the service reads at most one row per category (and none) and status.
            long categoryCount = rows.count("SELECT COUNT(*) AS n FROM categories", Map.of());
            CountingRepository counting = new CountingRepository(db);
            new InventoryStatsService(counting).stats()
                    .as(StepVerifier::create)
                    .assertNext(view -> assertThat(view.totalValue()).isEqualTo(stats.get("totalValue")))
                    .verifyComplete();
            assertThat(counting.rows.get()).isPositive()
                    .isLessThanOrEqualTo((categoryCount + 1) * BatchStatus.values().length);
        } finally {
            bulk.delete();
        }
    }
}
