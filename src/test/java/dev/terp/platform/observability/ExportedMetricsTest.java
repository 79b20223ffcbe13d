package dev.terp.platform.observability;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cardinality check that ObservabilityIT runs on the live server catches what it is meant to catch. */
class ExportedMetricsTest {

    @Test
    void routeTemplatesAndFixedWordsPass() {
        ExportedMetrics metrics = ExportedMetrics.parse("""
                # HELP http_server_requests_seconds
                http_server_requests_seconds_count{method="GET",status="404",uri="/api/v1/batches/{id}"} 3
                http_server_requests_seconds_bucket{le="0.005",uri="/api/v1/batches"} 1
                terp_inventory_units_total{movement="received"} 7.25
                lettuce_seconds_count{db_operation="EVAL",net_sock_peer_addr="127.0.0.1",net_sock_peer_port="6379"} 2
                """);

        assertThat(metrics.unboundedTags()).isEmpty();
        assertThat(metrics.sum("terp_inventory_units_total", Map.of("movement", "received"))).isEqualTo(7.25);
        assertThat(metrics.sampleNames()).contains("http_server_requests_seconds_bucket");
    }

    @Test
    void aRawPathAnIdOrACodeInATagFails() {
        ExportedMetrics metrics = ExportedMetrics.parse("""
                http_server_requests_seconds_count{uri="/api/v1/batches/12345"} 1
                terp_operation_seconds_count{batch="98765"} 1
                terp_orders_total{user="3f2b1c0a-1234-4abc-9def-0123456789ab"} 1
                terp_batches_total{code="BCH-000042"} 1
                """);

        assertThat(metrics.unboundedTags()).hasSize(4)
                .anyMatch(problem -> problem.contains("raw path"))
                .anyMatch(problem -> problem.contains("batch=98765"))
                .anyMatch(problem -> problem.contains("3f2b1c0a"))
                .anyMatch(problem -> problem.contains("BCH-000042"));
    }

    @Test
    void aTagWithTooManyValuesFails() {
        StringBuilder exposition = new StringBuilder();
        for (int i = 0; i <= ExportedMetrics.MAX_VALUES_PER_TAG; i++) {
            exposition.append("terp_logins_total{username=\"user").append((char) ('a' + i % 26))
                    .append((char) ('a' + i / 26)).append("\"} 1\n");
        }

        assertThat(ExportedMetrics.parse(exposition.toString()).unboundedTags())
                .containsExactly("terp_logins_total{username} has " + (ExportedMetrics.MAX_VALUES_PER_TAG + 1)
                        + " values");
    }
}
