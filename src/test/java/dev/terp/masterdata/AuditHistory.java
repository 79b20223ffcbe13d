package dev.terp.masterdata;

import java.util.List;
import java.util.Map;

import org.springframework.test.web.reactive.server.WebTestClient;

/** One record's audit trail as {@code GET /api/v1/audit-logs} answers it: newest first. */
public final class AuditHistory {

    private AuditHistory() {
    }

    /** An audit row; {@code before}/{@code after} are the JSON views, null where the API leaves them out. */
    public record Row(String action, String actorUsername, Map<String, Object> before, Map<String, Object> after) {
    }

    public static List<Row> of(WebTestClient http, String entity, long entityId) {
        Map<?, ?> page = http.get().uri(uri -> uri.path("/api/v1/audit-logs").queryParam("entity", entity)
                        .queryParam("entityId", entityId).queryParam("limit", 200).build())
                .exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        return ((List<?>) page.get("items")).stream().map(item -> row((Map<?, ?>) item)).toList();
    }

    public static List<String> actions(WebTestClient http, String entity, long entityId) {
        return of(http, entity, entityId).stream().map(Row::action).toList();
    }

    @SuppressWarnings("unchecked")
    private static Row row(Map<?, ?> item) {
        return new Row((String) item.get("action"), (String) item.get("actorUsername"),
                (Map<String, Object>) item.get("before"), (Map<String, Object>) item.get("after"));
    }
}
