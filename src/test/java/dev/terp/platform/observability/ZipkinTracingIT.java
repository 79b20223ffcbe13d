package dev.terp.platform.observability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.platform.web.RequestLogging;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;
import dev.terp.support.ZipkinServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole tracing path against a real Zipkin server: an intake request is found in Zipkin by its X-Request-Id and
 * its trace holds the HTTP server span, the inventory intake span beneath it, the SQL statements beneath that (text
 * and row counts, no bound values) and the Redis commands of the request (token revocation check, rate limit).
 */
@IntegrationTest
class ZipkinTracingIT {

    private static final Duration ARRIVAL_TIMEOUT = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ZipkinServer zipkin;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Autowired
    TestDatabase rows;

    @BeforeAll
    static void startZipkin() throws Exception {
        zipkin = ZipkinServer.start();
    }

    @AfterAll
    static void stopZipkin() {
        if (zipkin != null) {
            zipkin.close();
        }
    }

    @DynamicPropertySource
    static void reportToZipkin(DynamicPropertyRegistry properties) {
        properties.add("management.tracing.export.zipkin.enabled", () -> "true");
        properties.add("management.tracing.export.zipkin.endpoint", () -> zipkin.spansEndpoint());
        properties.add("management.tracing.sampling.probability", () -> "1.0");
        // One Redis draw per decision (no token blocks held locally), so the limiter's Redis call joins every trace.
        properties.add("terp.rate-limit.api.block", () -> "1");
    }

    @Test
    void anIntakeIsOneTraceOfHttpIntakeSqlAndRedisSpans() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String category = "Trace Cat " + tag;
        rows.update("INSERT INTO categories (name) VALUES (:name)", Map.of("name", category));
        String productName = "Secret Product " + tag;
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", "Trace Vendor " + tag);
        body.put("brandName", "Trace Brand " + tag);
        body.put("productName", productName);
        body.put("category", category);
        body.put("quantity", "7.25");
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "4.10");
        body.put("paymentTerms", "NET_30");
        body.put("location", Map.of("site", "Trace Site " + tag));
        String requestId = "zipkin-it-" + tag;

        String traceIdHeader = http.post().uri("/api/v1/inventory/intake")
                .header(RequestLogging.REQUEST_ID_HEADER, requestId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .returnResult(Void.class).getResponseHeaders().getFirst(RequestLogging.TRACE_ID_HEADER);
        assertThat(traceIdHeader).matches("[0-9a-f]{32}");

        // Found through Zipkin's search API by the request id, as docs/observability.md tells an operator to.
        List<Map<String, Object>> spans = awaitTrace(requestId);

        assertThat(spans).allSatisfy(span -> assertThat(span.get("traceId")).isEqualTo(traceIdHeader));
        Map<String, Object> server = single(spans, span -> "SERVER".equals(span.get("kind")));
        assertThat(server.get("name")).isEqualTo("http post /api/v1/inventory/intake");
        assertThat(tags(server)).containsEntry("request.id", requestId).containsEntry("status", "201");

        Map<String, Object> intake = single(spans, span -> "inventory.intake".equals(span.get("name")));
        assertThat(intake.get("parentId")).isEqualTo(server.get("id"));
        assertThat(tags(intake)).containsEntry("operation", "inventory.intake");

        List<Map<String, Object>> sql = spans.stream().filter(span -> tags(span).containsKey("r2dbc.query[0]"))
                .toList();
        assertThat(sql).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(span -> {
                    assertThat(span.get("kind")).isEqualTo("CLIENT");
                    assertThat(span.get("parentId")).as("SQL span parent").isEqualTo(intake.get("id"));
                    assertThat(tags(span)).containsAnyOf(Map.entry("r2dbc.rows", "0"), Map.entry("r2dbc.rows", "1"),
                            Map.entry("r2dbc.rows_updated", "1"), Map.entry("r2dbc.rows_updated", "2"));
                });
        assertThat(sql).extracting(span -> tags(span).get("r2dbc.query[0]"))
                .anySatisfy(query -> assertThat(query).startsWith("INSERT INTO batches"))
                .anySatisfy(query -> assertThat(query).startsWith("INSERT INTO inventory_movements"));
        // Statement text only: no bound value appears in any tag of any span.
        assertThat(spans).allSatisfy(span -> {
            assertThat(tags(span).keySet()).noneMatch(key -> key.startsWith("r2dbc.params"));
            assertThat(tags(span).values()).noneMatch(value -> value.contains(productName)
                    || value.contains("Trace Vendor"));
        });

        List<Map<String, Object>> redis = spans.stream()
                .filter(span -> "redis".equals(tags(span).get("db.system"))).toList();
        assertThat(redis).extracting(span -> span.get("name")).contains("mget", "get");
        assertThat(redis).allSatisfy(span -> {
            assertThat(span.get("kind")).isEqualTo("CLIENT");
            assertThat(span.get("parentId")).as("Redis span parent").isEqualTo(server.get("id"));
        });

        // Nothing in the trace hangs loose: every span leads up to the server span (or is the caller's client span).
        Map<Object, Map<String, Object>> byId = new HashMap<>();
        spans.forEach(span -> byId.put(span.get("id"), span));
        assertThat(spans).filteredOn(span -> !Objects.equals(span.get("id"), server.get("parentId")))
                .allSatisfy(span -> assertThat(leadsTo(span, server, byId)).as("%s leads to the server span",
                        span.get("name")).isTrue());
    }

    /** Polls Zipkin until the request's trace holds its server span, intake span and SQL spans (reports are async). */
    private static List<Map<String, Object>> awaitTrace(String requestId) throws Exception {
        String query = "/api/v2/traces?serviceName=terp-reactive&lookback=3600000&limit=10&annotationQuery="
                + URLEncoder.encode("request.id=" + requestId, StandardCharsets.UTF_8);
        long deadline = System.nanoTime() + ARRIVAL_TIMEOUT.toNanos();
        List<List<Map<String, Object>>> traces = List.of();
        while (System.nanoTime() < deadline) {
            String found = zipkin.get(query);
            traces = found == null ? List.of() : JSON.readValue(found, new TypeReference<>() { });
            if (traces.size() == 1) {
                List<Map<String, Object>> spans = traces.get(0);
                boolean complete = spans.stream().anyMatch(span -> "inventory.intake".equals(span.get("name")))
                        && spans.stream().anyMatch(span -> "SERVER".equals(span.get("kind")))
                        && spans.stream().anyMatch(span -> String.valueOf(tags(span).get("r2dbc.query[0]"))
                                .startsWith("INSERT INTO inventory_movements"));
                if (complete) {
                    return settled(query, spans);
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No complete trace of request " + requestId + " in Zipkin within "
                + ARRIVAL_TIMEOUT + "; found " + traces);
    }

    /** Spans of one request may come in several reports: read until two reads 500 ms apart agree. */
    private static List<Map<String, Object>> settled(String query, List<Map<String, Object>> first)
            throws Exception {
        List<Map<String, Object>> previous = first;
        for (int reads = 0; reads < 20; reads++) {
            Thread.sleep(500);
            List<List<Map<String, Object>>> traces = JSON.readValue(zipkin.get(query), new TypeReference<>() { });
            assertThat(traces).hasSize(1);
            if (traces.get(0).size() == previous.size()) {
                return traces.get(0);
            }
            previous = traces.get(0);
        }
        return previous;
    }

    private static boolean leadsTo(Map<String, Object> span, Map<String, Object> ancestor,
            Map<Object, Map<String, Object>> byId) {
        Map<String, Object> current = span;
        for (int hops = 0; current != null && hops < 100; hops++) {
            if (Objects.equals(current.get("id"), ancestor.get("id"))) {
                return true;
            }
            current = byId.get(current.get("parentId"));
        }
        return false;
    }

    private static Map<String, Object> single(List<Map<String, Object>> spans,
            java.util.function.Predicate<Map<String, Object>> which) {
        List<Map<String, Object>> matching = spans.stream().filter(which).toList();
        assertThat(matching).hasSize(1);
        return matching.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> tags(Map<String, Object> span) {
        Object tags = span.get("tags");
        return tags == null ? Map.of() : (Map<String, String>) tags;
    }
}
