package dev.terp.platform.observability;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.inventory.batch.ReservationPort;
import dev.terp.inventory.batch.StockReference;
import dev.terp.platform.security.Actor;
import dev.terp.platform.security.RequestContext;
import dev.terp.platform.security.Role;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a scripted run of requests (intake, adjustment, reservation, consumption, disposal, alert generation,
 * logins that succeed, fail, hit a locked account and hit the login limit), {@code /actuator/prometheus} exports
 * every platform and business metric with values that moved by what the run did; no tag takes an unbounded value;
 * and every metric the Grafana dashboard and the alert rules under {@code k8s/observability/} use is exported.
 */
@IntegrationTest
// A context of its own: the shared one may have had its Redis connections closed by RateLimitIT's Redis outage,
// and this run needs a limiter that answers (the refused login) and counters that start from this run.
@TestPropertySource(properties = "logging.level.dev.terp.platform.observability=INFO")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityIT {

    private static final Path OBSERVABILITY = Path.of("k8s", "observability");
    private static final String PASSWORD = "Sturdy-Passw0rd-2026";

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    @Autowired
    TestTokens tokens;

    @Autowired
    ReservationPort reservations;

    ExportedMetrics before;
    ExportedMetrics after;

    @BeforeAll
    void scriptedRun() {
        before = scrape();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String category = "Metrics Cat " + tag;
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));

        Map<String, Object> intake = new HashMap<>();
        intake.put("vendorName", "Metrics Vendor " + tag);
        intake.put("brandName", "Metrics Brand " + tag);
        intake.put("productName", "Metrics Product " + tag);
        intake.put("category", category);
        intake.put("quantity", "20");
        intake.put("cogsMode", "FIXED");
        intake.put("unitCogs", "2.00");
        intake.put("paymentTerms", "NET_30");
        intake.put("location", Map.of("site", "Metrics Site " + tag));
        Map<?, ?> batch = http.post().uri("/api/v1/inventory/intake").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(intake).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
        long id = ((Number) batch.get("id")).longValue();
        rows.update("UPDATE batches SET status = 'LIVE' WHERE id = :id", Map.of("id", id));

        post("/api/v1/batches/" + id + "/adjustments", Map.of("mode", "RELATIVE", "quantity", "-2", "reason", "count"))
                .expectStatus().isOk();
        post("/api/v1/batches/" + id + "/reservations", Map.of("quantity", "2", "holderType", "MANUAL",
                "holderId", 1)).expectStatus().isOk();
        Actor clerk = new Actor(31337L, "metrics-sam", Set.of(Role.SALES));
        StockReference order = StockReference.of("Order", 1L);
        reservations.reserve(id, new BigDecimal("3"), order)
                .then(reservations.consume(id, new BigDecimal("3"), new BigDecimal("9.50"), order))
                .contextWrite(Context.of(RequestContext.class, new RequestContext(clerk, null, null, null)))
                .as(StepVerifier::create)
                .expectNextCount(1)
                .verifyComplete();
        post("/api/v1/batches/" + id + "/disposals", Map.of("quantity", "1", "reason", "damaged"))
                .expectStatus().isOk();
        // As a user of its own: generate is EXPENSIVE and draws from the strict per-user limit.
        http.post().uri("/api/v1/inventory/alerts/generate").header(HttpHeaders.AUTHORIZATION, "Bearer "
                        + tokens.forUser(970_000_000L + Math.abs(tag.hashCode() % 1000), "metrics-gen",
                                Set.of(Role.WAREHOUSE)))
                .exchange().expectStatus().isOk();
        http.get().uri("/api/v1/batches/" + id).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/batches/" + (id + 1_000_000)).exchange().expectStatus().isNotFound();

        login(tokens.adminUsername(), tokens.adminPassword()).expectStatus().isOk();
        String locked = createUser(tag);
        // Lockouts are per account + client address: one failure makes this address's row, which is then locked.
        login(locked, "Wrong-Passw0rd-0").expectStatus().isUnauthorized();
        rows.update("UPDATE login_lockouts SET locked_until = :until "
                        + "WHERE user_id = (SELECT id FROM users WHERE username = :u)",
                Map.of("until", Instant.now().plusSeconds(900), "u", locked));
        login(locked, PASSWORD).expectStatus().isUnauthorized();
        String stranger = "nobody-" + tag;
        for (int attempt = 0; attempt < 5; attempt++) {
            login(stranger, "Wrong-Passw0rd-1").expectStatus().isUnauthorized();
        }
        // The sixth is refused (429). On a saturated machine a limiter call can miss its 500 ms Redis deadline and
        // fail open (counted as such), so a few more attempts are allowed before the refusal must come.
        int status = 0;
        for (int attempt = 0; attempt < 5 && status != 429; attempt++) {
            status = login(stranger, "Wrong-Passw0rd-1").returnResult(Void.class).getStatus().value();
        }
        assertThat(status).isEqualTo(429);
        after = scrape();
    }

    @Test
    void everyPlatformAndBusinessMetricIsExportedWithSaneValues() {
        // HTTP: timers per route template with a percentile histogram.
        assertThat(after.has("http_server_requests_seconds_bucket",
                Map.of("uri", "/api/v1/inventory/intake", "method", "POST", "status", "201"))).isTrue();
        assertThat(after.has("http_server_requests_seconds_count",
                Map.of("uri", "/api/v1/batches/{id}", "status", "404"))).isTrue();
        assertThat(increase("http_server_requests_seconds_count", Map.of("uri", "/api/v1/batches/{id}")))
                .isGreaterThanOrEqualTo(2);

        // R2DBC pool gauges, within the pool's bounds.
        double max = after.sum("r2dbc_pool_max_allocated_connections", Map.of());
        assertThat(max).isEqualTo(32);
        for (String gauge : List.of("r2dbc_pool_acquired_connections", "r2dbc_pool_idle_connections",
                "r2dbc_pool_pending_connections", "r2dbc_pool_allocated_connections")) {
            assertThat(after.sampleNames()).contains(gauge);
            assertThat(after.sum(gauge, Map.of())).isBetween(0.0, max);
        }
        assertThat(increase("r2dbc_query_seconds_count", Map.of())).isGreaterThan(20);

        // Redis command timers: the revocation check (MGET) and the limiter's bucket reads ran.
        assertThat(increase("lettuce_seconds_count", Map.of("db_operation", "MGET"))).isGreaterThanOrEqualTo(5);
        assertThat(after.has("lettuce_seconds_bucket", Map.of("db_operation", "MGET"))).isTrue();

        // Rate-limit decisions: requests allowed, the failed-login run limited once; failing open is exported (it
        // stays 0 unless Redis misses its deadline).
        assertThat(increase("terp_ratelimit_decisions_total", Map.of("limit", "api", "outcome", "allowed")))
                .isGreaterThanOrEqualTo(5);
        assertThat(increase("terp_ratelimit_decisions_total", Map.of("limit", "login", "outcome", "limited")))
                .isGreaterThanOrEqualTo(1);
        for (String limit : List.of("api", "strict", "login")) {
            assertThat(after.has("terp_ratelimit_decisions_total", Map.of("limit", limit, "outcome", "failed_open")))
                    .isTrue();
        }

        // Transactions: retry and deadline counters exported (at rest they stay 0 here).
        assertThat(after.has("terp_tx_retries_total", Map.of("reason", "deadlock"))).isTrue();
        assertThat(after.has("terp_tx_retries_total", Map.of("reason", "lock_wait_timeout"))).isTrue();
        assertThat(after.sampleNames()).contains("terp_tx_retries_exhausted_total", "terp_tx_deadline_exceeded_total");

        // Logins.
        assertThat(increase("terp_auth_logins_total", Map.of("outcome", "success"))).isGreaterThanOrEqualTo(1);
        assertThat(increase("terp_auth_logins_total", Map.of("outcome", "failure"))).isGreaterThanOrEqualTo(5);
        assertThat(increase("terp_auth_logins_total", Map.of("outcome", "locked"))).isGreaterThanOrEqualTo(1);

        // Inventory units and operations: exactly what the run moved (this context runs other tests' traffic
        // too, so at least).
        assertThat(increase("terp_inventory_units_total", Map.of("movement", "received"))).isGreaterThanOrEqualTo(20);
        assertThat(increase("terp_inventory_units_total", Map.of("movement", "adjusted"))).isGreaterThanOrEqualTo(2);
        assertThat(increase("terp_inventory_units_total", Map.of("movement", "reserved"))).isGreaterThanOrEqualTo(5);
        assertThat(increase("terp_inventory_units_total", Map.of("movement", "consumed"))).isGreaterThanOrEqualTo(3);
        assertThat(increase("terp_inventory_units_total", Map.of("movement", "disposed"))).isGreaterThanOrEqualTo(1);
        for (String operation : List.of("inventory.intake", "inventory.adjustment", "inventory.reservation",
                "inventory.consumption", "inventory.alert_generation")) {
            assertThat(increase("terp_operation_seconds_count", Map.of("operation", operation, "error", "none")))
                    .as(operation).isGreaterThanOrEqualTo(1);
            assertThat(after.has("terp_operation_seconds_bucket", Map.of("operation", operation))).isTrue();
        }
        assertThat(after.sum("terp_readiness", Map.of())).isEqualTo(1);
    }

    @Test
    void noTagTakesAnUnboundedValue() {
        assertThat(after.unboundedTags()).isEmpty();
        // The R2DBC timer's thread tag would grow with bounded-elastic threads; it is dropped from metrics.
        assertThat(after.has("r2dbc_query_seconds_count", Map.of())).isTrue();
        assertThat(scrapeText()).doesNotContain("r2dbc_thread=");
    }

    @Test
    void dashboardsAndAlertRulesUseOnlyExportedMetrics() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = JsonMapper.builder().build()
                .readTree(Files.readString(OBSERVABILITY.resolve("grafana-dashboard.json")));
        dashboard.findValues("expr").forEach(expr -> expressions.add(expr.asString()));
        dashboard.findValues("query").stream().filter(JsonNode::isString)
                .forEach(query -> expressions.add(query.asString()));
        Map<String, Object> rules = new Yaml().load(Files.readString(OBSERVABILITY.resolve("alert-rules.yaml")));
        List<String> alerts = new ArrayList<>();
        for (Object group : (List<?>) ((Map<?, ?>) rules.get("spec")).get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add((String) ((Map<?, ?>) rule).get("expr"));
                alerts.add((String) ((Map<?, ?>) rule).get("alert"));
            }
        }
        assertThat(alerts).contains("TerpApiLatencyP95High", "TerpApi5xxRatioHigh", "TerpDbPoolPending",
                "TerpInstanceNotReady", "TerpTransactionRetryStorm", "TerpRateLimiterFailingOpen");

        Set<String> referenced = new TreeSet<>();
        expressions.forEach(expression -> referenced.addAll(PromQl.metricNames(expression)));
        assertThat(referenced).hasSizeGreaterThan(10);
        assertThat(after.sampleNames()).containsAll(referenced);
    }

    private double increase(String name, Map<String, String> labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }

    private ExportedMetrics scrape() {
        return ExportedMetrics.parse(scrapeText());
    }

    private String scrapeText() {
        return http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec login(String username, String password) {
        return http.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build()
                .post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", username, "password", password)).exchange();
    }

    private String createUser(String tag) {
        String username = "metrics-" + tag;
        post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "displayName", "Metrics " + tag,
                "roles", List.of("VIEWER"))).expectStatus().isCreated();
        return username;
    }

    /** The metric names a PromQL expression reads: identifiers outside label matchers, minus functions. */
    static final class PromQl {

        private static final Pattern LABEL_MATCHERS = Pattern.compile("\\{[^}]*}");
        private static final Pattern GROUPING = Pattern.compile("\\b(by|without|on|ignoring|group_left|group_right)"
                + "\\s*\\([^)]*\\)");
        private static final Pattern STRINGS = Pattern.compile("\"[^\"]*\"");
        private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-zA-Z_:][a-zA-Z0-9_:]*\\b");
        private static final Set<String> NOT_METRICS = Set.of("sum", "min", "max", "avg", "count", "rate",
                "irate", "increase", "histogram_quantile", "absent", "or", "and", "unless", "by", "without",
                "label_values", "le", "uri", "offset", "bool", "topk", "bottomk", "clamp_min", "clamp_max",
                "sum_over_time", "max_over_time", "avg_over_time", "delta", "deriv", "vector", "scalar", "time",
                "humanizeDuration", "humanizePercentage");

        static Set<String> metricNames(String expression) {
            String stripped = STRINGS.matcher(LABEL_MATCHERS.matcher(expression).replaceAll(" ")).replaceAll(" ");
            stripped = GROUPING.matcher(stripped).replaceAll(" ")
                    .replaceAll("\\[[^]]*]", " ")
                    .replaceAll("\\$\\w+", " ");
            Set<String> names = new TreeSet<>();
            Matcher identifier = IDENTIFIER.matcher(stripped);
            while (identifier.find()) {
                String name = identifier.group();
                if (!NOT_METRICS.contains(name) && !name.matches("\\d.*") && name.contains("_")) {
                    names.add(name);
                }
            }
            return names;
        }
    }
}
