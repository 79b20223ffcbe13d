package dev.terp.inventory.stats;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.terp.inventory.alert.AlertFixtures;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

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
    TestTokens tokens;

    @SuppressWarnings("unchecked")
    @Test
    void valuesFixedAndRangeBatchesWithTheCostBasis() {
        AlertFixtures fixtures = new AlertFixtures(db);
        String category = "Stats " + UUID.randomUUID().toString().substring(0, 8);
        // FIXED 10.00 × 3 = 30.00; RANGE 1.00..2.25 → midpoint 1.625 → 1.63 (HALF_UP, Rounding) × 2.5 = 4.075;
        // summed exactly and rounded once: 34.075 → 34.08.
        fixtures.batch("LIVE", "3", null, "FIXED", "10.00", null, null, category);
        fixtures.batch("QUARANTINED", "2.5", null, "RANGE", null, "1.00", "2.25", category);

        Map<String, Object> stats = http.get().uri("/api/v1/inventory/stats")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + tokens.forRole(Role.VIEWER)).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        List<Map<String, Object>> categories = (List<Map<String, Object>>) stats.get("byCategory");
        assertThat(categories).filteredOn(entry -> category.equals(entry.get("category"))).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("value", "34.08").containsEntry("units", "5.5000"));
        assertThat(stats.get("totalValue")).asString().matches("\\d+\\.\\d{2}");
        assertThat(stats.get("totalUnits")).asString().matches("\\d+\\.\\d{4}");
        Map<String, Object> counts = (Map<String, Object>) stats.get("countsByStatus");
        assertThat(counts).containsKeys("AWAITING_INTAKE", "LIVE", "PHOTOGRAPHY_COMPLETE", "ON_HOLD", "QUARANTINED",
                "SOLD_OUT", "CLOSED");
        assertThat(((Number) counts.get("QUARANTINED")).longValue()).isPositive();
    }
}
