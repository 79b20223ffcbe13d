package dev.terp.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.support.IntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.r2dbc.connection.init.ScriptUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local run's demo data (db/demo: master data, then stock): it must load on top of the migrations, link every row
 * by name, and load again without duplicating anything, since Flyway re-runs a repeatable script on every edit.
 * Runs in a transaction that is rolled back, so the shared test database is left as it was.
 */
@IntegrationTest
class DemoDataIT {

    /** In Flyway's order for repeatable scripts: by description. */
    private static final List<Resource> SCRIPTS = List.of(new ClassPathResource("db/demo/R__demo_master_data.sql"),
            new ClassPathResource("db/demo/R__demo_stock.sql"));

    private static final Map<String, String> COUNTS = new LinkedHashMap<>();

    static {
        COUNTS.put("vendors", "SELECT COUNT(*) FROM vendors WHERE name IN ('Emerald Valley Farms', "
                + "'Humboldt Heritage Growers', 'Sierra Sun Cultivation', 'Coastal Extracts Co', "
                + "'Golden State Edibles')");
        COUNTS.put("brands linked to a vendor", "SELECT COUNT(*) FROM brands b JOIN vendors v ON v.id = b.vendor_id "
                + "WHERE b.name IN ('Emerald Reserve', 'Heritage Cuts', 'Sierra Sun', 'Coastal Clear', "
                + "'Cloud Nine Vapor', 'Golden Bites')");
        COUNTS.put("strains", "SELECT COUNT(*) FROM strains WHERE standardized_name IN ('blue dream', "
                + "'gorilla glue #4', 'sour diesel', 'granddaddy purple', 'northern lights', 'jack herer', 'og kush', "
                + "'durban poison') AND category IN ('INDICA', 'SATIVA', 'HYBRID')");
        COUNTS.put("strains with JSON aliases", "SELECT COUNT(*) FROM strains WHERE standardized_name = "
                + "'gorilla glue #4' AND JSON_VALID(aliases) AND JSON_CONTAINS(aliases, '\"GG4\"')");
        COUNTS.put("categories", "SELECT COUNT(*) FROM categories WHERE name IN ('Flower', 'Pre-Rolls', "
                + "'Concentrates', 'Edibles', 'Vapes')");
        COUNTS.put("subcategories", "SELECT COUNT(*) FROM subcategories s JOIN categories c ON c.id = s.category_id "
                + "WHERE c.name IN ('Flower', 'Pre-Rolls', 'Concentrates', 'Edibles', 'Vapes')");
        COUNTS.put("products filed consistently", "SELECT COUNT(*) FROM products p "
                + "JOIN brands b ON b.id = p.brand_id JOIN subcategories s ON s.id = p.subcategory_id "
                + "AND s.category_id = p.category_id WHERE b.name IN ('Emerald Reserve', 'Heritage Cuts', "
                + "'Sierra Sun', 'Coastal Clear', 'Cloud Nine Vapor', 'Golden Bites')");
        COUNTS.put("products with a strain", "SELECT COUNT(*) FROM products p JOIN brands b ON b.id = p.brand_id "
                + "JOIN strains s ON s.id = p.strain_id WHERE b.name IN ('Emerald Reserve', 'Heritage Cuts', "
                + "'Sierra Sun', 'Coastal Clear', 'Cloud Nine Vapor', 'Golden Bites')");
        COUNTS.put("grades", "SELECT COUNT(*) FROM grades WHERE name IN ('AAA', 'AA', 'A', 'B')");
        COUNTS.put("locations", "SELECT COUNT(*) FROM locations WHERE site IN ('Oakland Warehouse', 'Sacramento Hub')");
        COUNTS.put("payment methods", "SELECT COUNT(*) FROM payment_methods WHERE code IN ('CASH', 'CHECK', "
                + "'CREDIT_CARD', 'DEBIT_CARD', 'ACH', 'WIRE', 'PAYPAL', 'VENMO', 'ZELLE', 'OTHER')");
        COUNTS.put("demo batches", "SELECT COUNT(*) FROM batches WHERE code LIKE 'BCH-DEMO-%'");
        COUNTS.put("statuses covered", "SELECT COUNT(DISTINCT status) FROM batches WHERE code LIKE 'BCH-DEMO-%'");
        COUNTS.put("batches whose locations sum to on-hand", "SELECT COUNT(*) FROM batches b "
                + "WHERE b.code LIKE 'BCH-DEMO-%' AND b.on_hand_qty = (SELECT COALESCE(SUM(bl.qty), 0) "
                + "FROM batch_locations bl WHERE bl.batch_id = b.id)");
        COUNTS.put("batches within their buckets", "SELECT COUNT(*) FROM batches WHERE code LIKE 'BCH-DEMO-%' "
                + "AND reserved_qty + quarantine_qty + hold_qty <= on_hand_qty");
        COUNTS.put("intake movements matching on-hand", "SELECT COUNT(*) FROM inventory_movements m "
                + "JOIN batches b ON b.id = m.batch_id WHERE b.code LIKE 'BCH-DEMO-%' AND m.movement_type = 'INTAKE' "
                + "AND m.quantity_after = b.on_hand_qty");
        COUNTS.put("expired demo batches", "SELECT COUNT(*) FROM batches WHERE code LIKE 'BCH-DEMO-%' "
                + "AND expiration_date < CURRENT_DATE");
        COUNTS.put("live demo batches in stock for 90 days", "SELECT COUNT(*) FROM batches "
                + "WHERE code LIKE 'BCH-DEMO-%' AND status = 'LIVE' AND created_at <= CURRENT_DATE - INTERVAL 90 DAY");
        COUNTS.put("locations with a capacity", "SELECT COUNT(*) FROM locations WHERE site = 'Oakland Warehouse' "
                + "AND capacity IS NOT NULL");
    }

    @Autowired
    ConnectionFactory connections;

    @Test
    void loadsTwiceWithoutDuplicatesAndLinksEveryRowByName() {
        AtomicReference<Loads> loaded = new AtomicReference<>();
        Mono.usingWhen(connections.create(),
                        connection -> Mono.from(connection.beginTransaction())
                                .then(load(connection))
                                .then(counts(connection))
                                .flatMap(first -> load(connection)
                                        .then(counts(connection))
                                        .map(second -> new Loads(first, second))),
                        connection -> Mono.from(connection.rollbackTransaction()).then(Mono.from(connection.close())))
                .as(StepVerifier::create)
                .consumeNextWith(loaded::set)
                .verifyComplete();
        Loads loads = loaded.get();

        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("vendors", 5L);
        expected.put("brands linked to a vendor", 6L);
        expected.put("strains", 8L);
        expected.put("strains with JSON aliases", 1L);
        expected.put("categories", 5L);
        expected.put("subcategories", 15L);
        expected.put("products filed consistently", 10L);
        expected.put("products with a strain", 9L);
        expected.put("grades", 4L);
        expected.put("locations", 10L);
        expected.put("payment methods", 10L);
        expected.put("demo batches", 11L);
        expected.put("statuses covered", 7L);
        expected.put("batches whose locations sum to on-hand", 11L);
        expected.put("batches within their buckets", 11L);
        expected.put("intake movements matching on-hand", 9L);
        expected.put("expired demo batches", 1L);
        expected.put("live demo batches in stock for 90 days", 1L);
        expected.put("locations with a capacity", 1L);
        assertThat(loads.first()).containsExactlyEntriesOf(expected);
        assertThat(loads.second()).as("after loading again").containsExactlyEntriesOf(expected);
    }

    private static Mono<Void> load(Connection connection) {
        return Flux.fromIterable(SCRIPTS).concatMap(script -> ScriptUtils.executeSqlScript(connection, script)).then();
    }

    private static Mono<Map<String, Long>> counts(Connection connection) {
        return Flux.fromIterable(COUNTS.entrySet())
                .concatMap(count -> Flux.from(connection.createStatement(count.getValue()).execute())
                        .flatMap(result -> result.map((row, metadata) -> row.get(0, Long.class)))
                        .next()
                        .map(value -> Map.entry(count.getKey(), value)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
    }

    private record Loads(Map<String, Long> first, Map<String, Long> second) {
    }
}
