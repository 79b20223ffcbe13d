package dev.terp.masterdata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.terp.support.IntegrationTest;
import dev.terp.support.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * api-conventions §6 across master data: every text field of every create request loses its HTML on the way in
 * (a {@code <script>} never survives, {@code THC < 20%} does), and search text never becomes SQL.
 */
@IntegrationTest
class TextHygieneIT {

    @Autowired
    WebTestClient http;

    @Autowired
    TestDatabase rows;

    static Stream<String> payloads() {
        return Stream.of(
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
                "<svg onload=alert(1)><script>alert(2)</script></svg>");
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void vendorTextComesBackTagFree(String payload) {
        String name = "Acme Farms " + word();
        UnaryOperator<String> dirty = legit -> dirty(payload, legit);

        createAndCheck("/api/v1/vendors",
                Map.of("name", dirty.apply(name), "contactName", dirty.apply("Jane Doe"),
                        "contactEmail", dirty.apply("jane.doe@example.com"), "contactPhone", dirty.apply("555-0100"),
                        "notes", dirty.apply("Pays on time")),
                Map.of("name", name, "contactName", "Jane Doe", "contactEmail", "jane.doe@example.com",
                        "contactPhone", "555-0100", "notes", "Pays on time"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void brandTextComesBackTagFree(String payload) {
        String name = "Cookies " + word();

        createAndCheck("/api/v1/brands",
                Map.of("name", dirty(payload, name), "description", dirty(payload, "Bay Area brand")),
                Map.of("name", name, "description", "Bay Area brand"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void strainTextAndAliasesComeBackTagFree(String payload) {
        String word = word();
        String name = "Blue Dream " + word;

        createAndCheck("/api/v1/strains",
                Map.of("name", dirty(payload, name), "category", "HYBRID",
                        "description", dirty(payload, "Sweet berry aroma"),
                        "aliases", List.of(dirty(payload, "BD " + word), dirty(payload, "Dream Blue " + word))),
                Map.of("name", name, "standardizedName", name.toLowerCase(Locale.ROOT),
                        "description", "Sweet berry aroma", "aliases", List.of("BD " + word, "Dream Blue " + word)));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void productTextComesBackTagFree(String payload) {
        long brand = idOf(create("/api/v1/brands", Map.of("name", "Product Brand " + word())));
        long category = idOf(create("/api/v1/categories", Map.of("name", "Product Category " + word())));
        long subcategory = idOf(create("/api/v1/categories/" + category + "/subcategories",
                Map.of("name", "Product Subcategory " + word())));
        long strain = idOf(create("/api/v1/strains", Map.of("name", "Product Strain " + word())));
        // Already canonical (letters, single spaces, Title Case), so the canonical form is the legitimate text.
        String name = "Blue Dream " + word();

        createAndCheck("/api/v1/products",
                Map.of("brandId", brand, "strainId", strain, "categoryId", category, "subcategoryId", subcategory,
                        "name", dirty(payload, name), "uomSellable", dirty(payload, "EA"),
                        "description", dirty(payload, "Eighth, indoor")),
                Map.of("nameCanonical", name, "uomSellable", "EA", "description", "Eighth, indoor"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void categoryAndSubcategoryTextComesBackTagFree(String payload) {
        String name = "Flower " + word();
        Map<?, ?> category = createAndCheck("/api/v1/categories",
                Map.of("name", dirty(payload, name), "description", dirty(payload, "Dried buds")),
                Map.of("name", name, "description", "Dried buds"));

        String subcategory = "Smalls " + word();
        createAndCheck("/api/v1/categories/" + idOf(category) + "/subcategories",
                Map.of("name", dirty(payload, subcategory), "description", dirty(payload, "Small buds")),
                Map.of("name", subcategory, "description", "Small buds"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void gradeTextComesBackTagFree(String payload) {
        String name = "Top Shelf " + word();

        createAndCheck("/api/v1/grades",
                Map.of("name", dirty(payload, name), "description", dirty(payload, "Best of the harvest")),
                Map.of("name", name, "description", "Best of the harvest"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void locationTextComesBackTagFree(String payload) {
        String site = "Warehouse " + word();

        createAndCheck("/api/v1/locations",
                Map.of("site", dirty(payload, site), "zone", dirty(payload, "Zone A"), "rack", dirty(payload, "R1"),
                        "shelf", dirty(payload, "S2"), "bin", dirty(payload, "B3")),
                Map.of("site", site, "zone", "Zone A", "rack", "R1", "shelf", "S2", "bin", "B3"));
    }

    @ParameterizedTest
    @MethodSource("payloads")
    void paymentMethodTextComesBackTagFree(String payload) {
        String code = "XSS_" + word().toUpperCase(Locale.ROOT);
        String name = "Wire " + word();

        createAndCheck("/api/v1/payment-methods",
                Map.of("code", dirty(payload, code), "name", dirty(payload, name),
                        "description", dirty(payload, "Same-day bank wire")),
                Map.of("code", code, "name", name, "description", "Same-day bank wire"));
    }

    @Test
    void aLessThanSignInDescriptionsAndNotesIsKept() {
        String text = "THC < 20%";
        String richer = "THC < 20% & CBD > 1%\nsecond line, <3 from the grower";

        createAndCheck("/api/v1/vendors", Map.of("name", "Lab Vendor " + word(), "notes", richer),
                Map.of("notes", richer));
        createAndCheck("/api/v1/brands", Map.of("name", "Lab Brand " + word(), "description", text),
                Map.of("description", text));
        createAndCheck("/api/v1/strains", Map.of("name", "Lab Strain " + word(), "description", text),
                Map.of("description", text));
        Map<?, ?> category = createAndCheck("/api/v1/categories",
                Map.of("name", "Lab Category " + word(), "description", text), Map.of("description", text));
        createAndCheck("/api/v1/categories/" + idOf(category) + "/subcategories",
                Map.of("name", "Lab Subcategory " + word(), "description", text), Map.of("description", text));
        long brand = idOf(create("/api/v1/brands", Map.of("name", "Lab Product Brand " + word())));
        createAndCheck("/api/v1/products", Map.of("brandId", brand, "categoryId", idOf(category),
                "name", "Lab Product " + word(), "description", text), Map.of("description", text));
        createAndCheck("/api/v1/grades", Map.of("name", "Lab Grade " + word(), "description", text),
                Map.of("description", text));
        createAndCheck("/api/v1/payment-methods", Map.of("code", "LAB_" + word().toUpperCase(Locale.ROOT),
                "name", "Lab Method " + word(), "description", text), Map.of("description", text));
    }

    @Test
    void sqlInSearchTextIsJustTextOnEveryList() {
        long category = idOf(create("/api/v1/categories", Map.of("name", "Search Category " + word())));
        create("/api/v1/categories/" + category + "/subcategories", Map.of("name", "Search Subcategory " + word()));
        long usersBefore = countUsers();
        List<String> lists = List.of("/api/v1/vendors", "/api/v1/brands", "/api/v1/strains", "/api/v1/strains/search",
                "/api/v1/products", "/api/v1/categories", "/api/v1/categories/" + category + "/subcategories",
                "/api/v1/grades", "/api/v1/locations", "/api/v1/payment-methods");

        List<String> injections = List.of("'; DROP TABLE users; --", "' OR '1'='1' -- ",
                "x' UNION SELECT username FROM users #");
        for (String q : injections) {
            for (String path : lists) {
                http.get().uri(builder -> builder.path(path).queryParam("q", "{q}").build(q)).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.items").isArray()
                        .jsonPath("$.items.length()").isEqualTo(0);
            }
        }

        assertThat(countUsers()).isPositive().isEqualTo(usersBefore);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /** Legitimate text with the payload before it, after it, and the text itself inside formatting. */
    private static String dirty(String payload, String legit) {
        return payload + "<b>" + legit + "</b>" + payload;
    }

    /**
     * Creates, then checks the create answer and the stored record (read back from its Location): no string in
     * either contains a tag or a payload remnant, and the legitimate text is exactly what was wrapped.
     */
    private Map<?, ?> createAndCheck(String path, Map<String, ?> body, Map<String, ?> expected) {
        var answer = http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult();
        Map<?, ?> created = answer.getResponseBody();
        String location = answer.getResponseHeaders().getFirst(HttpHeaders.LOCATION);
        assertThat(location).as(path + " Location").isNotNull();

        Map<?, ?> stored = http.get().uri(location).exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        for (Map<?, ?> json : List.of(created, stored)) {
            assertTagFree(path, json);
            expected.forEach((field, value) -> assertThat(json.get(field)).as(path + " " + field).isEqualTo(value));
        }
        return created;
    }

    private Map<?, ?> create(String path, Map<String, ?> body) {
        return http.post().uri(path).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private static void assertTagFree(String path, Object json) {
        List<String> strings = new ArrayList<>();
        collectStrings(json, strings);
        assertThat(strings).as(path + " answer has text").isNotEmpty();
        for (String text : strings) {
            assertThat(text).as(path + " answer " + json)
                    .doesNotContainPattern("<\\s*[A-Za-z/!?]")
                    .doesNotContainIgnoringCase("script")
                    .doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("onload")
                    .doesNotContain("alert(");
        }
    }

    private static void collectStrings(Object json, List<String> strings) {
        if (json instanceof String text) {
            strings.add(text);
        }
        else if (json instanceof Map<?, ?> map) {
            map.values().forEach(value -> collectStrings(value, strings));
        }
        else if (json instanceof List<?> list) {
            list.forEach(value -> collectStrings(value, strings));
        }
    }

    private static long idOf(Map<?, ?> json) {
        return ((Number) json.get("id")).longValue();
    }

    private long countUsers() {
        return rows.count("SELECT COUNT(*) AS n FROM users", Map.of());
    }

    /** A unique, already canonical word ("Qzxkvbnm"): letters only, so product-name canonicalisation keeps it. */
    private static String word() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder word = new StringBuilder("Q");
        for (int i = 0; i < 9; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }
}
