package dev.terp.masterdata;

import java.util.HashMap;
import java.util.Map;

import dev.terp.support.Unique;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inventory rows that refer to master data, made over the API (a new category, then
 * {@code POST /api/v1/inventory/intake}), and the answer to
 * deleting a record such rows still use.
 */
public final class InventoryReferences {

    private InventoryReferences() {
    }

    /**
     * Receives 5 units of a new product in a new category at a new site (vendor, brand and location found or created
     * by name); the fields in {@code overrides} (grade, location, ...) replace the defaults. Answers the batch.
     */
    public static Map<?, ?> intake(WebTestClient http, Map<String, Object> overrides) {
        String tag = Unique.tag();
        String category = "Reference Cat " + tag;
        http.post().uri("/api/v1/categories").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", category)).exchange()
                .expectStatus().isCreated();
        Map<String, Object> body = new HashMap<>();
        body.put("vendorName", "Reference Vendor " + tag);
        body.put("brandName", "Reference Brand " + tag);
        body.put("productName", "Reference Product " + tag);
        body.put("category", category);
        body.put("quantity", "5");
        body.put("cogsMode", "FIXED");
        body.put("unitCogs", "1.00");
        body.put("paymentTerms", "COD");
        body.put("location", Map.of("site", "Reference Site " + tag));
        body.putAll(overrides);
        return http.post().uri("/api/v1/inventory/intake").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    /** DELETE {@code uri} answers 409 CONFLICT with exactly {@code detail}, the message naming the users. */
    public static void deleteIsRefused(WebTestClient http, String uri, long id, String detail) {
        Map<?, ?> problem = http.delete().uri(uri, id).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(problem.get("code")).isEqualTo("CONFLICT");
        assertThat(problem.get("detail")).isEqualTo(detail);
    }
}
