package dev.terp.platform.openapi;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.platform.security.Permissions;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.RouteDescriptor;
import dev.terp.support.IntegrationTest;
import dev.terp.support.TestTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served {@code /v3/api-docs} is a contract clients can generate from (issue 10 item 6). The build generates
 * a Java client from the file this test writes ({@code openapi-generator-maven-plugin} in post-integration-test)
 * and compiles it; here the document is walked for what a generator or an API lint would trip on
 * ({@link ContractRules}), and a few documented bounds are shown to be enforced over HTTP.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    WebTestClient http;

    @Autowired
    ApiRoutes routes;

    @Autowired
    TestTokens tokens;

    JsonNode spec;

    @BeforeAll
    void readAndWriteTheServedDocument() throws Exception {
        // The first request may still wait for the document's build at start-up, slow on a busy machine.
        String document = http.mutate().responseTimeout(Duration.ofMinutes(3)).build()
                .get().uri("/v3/api-docs").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        // Written before any assertion, so the client is generated from what the server serves even when a rule
        // below fails (the build then fails in failsafe's verify).
        Path file = Path.of(System.getProperty("terp.openapi.spec-file", "target/openapi/openapi.json"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, document);
        spec = JSON.readTree(document);
    }

    @Test
    void theServedDocumentFollowsEveryContractRule() {
        assertThat(spec.path("openapi").asString()).startsWith("3.1");
        assertThat(spec.path("paths").size()).as("documented paths").isGreaterThan(50);

        List<String> findings = ContractRules.check(spec, protectedByRoute());

        assertThat(findings).as("contract gaps").isEmpty();
    }

    @Test
    void everyDeclaredRouteIsDocumented() {
        for (RouteDescriptor route : routes.declared()) {
            assertThat(spec.path("paths").path(route.path()).has(route.method().toLowerCase()))
                    .as(route.method() + " " + route.path()).isTrue();
        }
    }

    @Test
    void theRulesFindEveryKindOfGap() {
        JsonNode bad = JSON.readTree("""
                {"openapi": "3.1.0",
                 "tags": [{"name": "Described", "description": "fine"}, {"name": "Bare"}],
                 "components": {"schemas": {
                   "JsonNode": {"type": "object", "properties": {"array": {"type": "boolean"}}},
                   "Loose": {"type": "object", "properties": {
                     "name": {"type": "string"},
                     "count": {"type": "integer", "minimum": 0},
                     "lines": {"type": "array", "items": {"type": "string", "maxLength": 5}},
                     "extra": {"type": "object", "additionalProperties": {}}}}}},
                 "paths": {"/api/v1/things": {
                   "get": {"tags": ["Bare"], "responses": {"200": {"content": {"*/*": {"schema": {"$ref": "#/components/schemas/Loose"}}}}}},
                   "post": {"tags": ["Described"], "security": [{"bearer": []}],
                     "requestBody": {"content": {"application/json": {"schema": {"type": "object",
                        "properties": {"q": {"type": "string", "maxLength": 10}}}}}},
                     "responses": {
                       "201": {"headers": {"RateLimit-Limit": {}, "RateLimit-Remaining": {}, "RateLimit-Reset": {}},
                               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Loose"}}}},
                       "401": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                       "403": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
                       "429": {"headers": {"RateLimit-Limit": {}, "RateLimit-Remaining": {}, "RateLimit-Reset": {},
                                           "Retry-After": {}},
                               "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}}}
                """);
        Map<String, Boolean> declared = Map.of("GET /api/v1/things", true, "POST /api/v1/things", true);

        List<String> findings = ContractRules.check(bad, declared);

        assertThat(findings).containsExactlyInAnyOrder(
                "#/components/schemas/JsonNode: named like a framework type; give the field a schema of its own",
                "#/components/schemas/Loose/properties/name: string without maxLength",
                "#/components/schemas/Loose/properties/count: integer without minimum and maximum",
                "#/components/schemas/Loose/properties/lines: array without maxItems",
                "#/components/schemas/Loose/properties/extra: a free-form map inline; give it a named schema",
                "GET /api/v1/things: tag 'Bare' is not declared with a description",
                "GET /api/v1/things: protected but documents no security requirement",
                "GET /api/v1/things: no 401 application/problem+json response with the Problem schema",
                "GET /api/v1/things: no 403 application/problem+json response with the Problem schema",
                "GET /api/v1/things: no 429 application/problem+json response with the Problem schema",
                "GET /api/v1/things 429: header RateLimit-Limit not documented",
                "GET /api/v1/things 429: header RateLimit-Remaining not documented",
                "GET /api/v1/things 429: header RateLimit-Reset not documented",
                "GET /api/v1/things 429: header Retry-After not documented",
                "GET /api/v1/things 200: success response typed */*",
                "GET /api/v1/things 200: header RateLimit-Limit not documented",
                "GET /api/v1/things 200: header RateLimit-Remaining not documented",
                "GET /api/v1/things 200: header RateLimit-Reset not documented");
    }

    @Test
    void documentedStringBoundsAreEnforced() {
        int tagName = maxLength("TagRequest", "name");
        int vendorNotes = maxLength("VendorRequest", "notes");

        post("/api/v1/tags", Map.of("name", text(tagName + 1))).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED").jsonPath("$.errors[0].field").isEqualTo("name");
        post("/api/v1/tags", Map.of("name", text(tagName))).expectStatus().isCreated();

        Map<String, Object> vendor = new LinkedHashMap<>();
        vendor.put("name", "Bounds " + UUID.randomUUID());
        vendor.put("notes", text(vendorNotes + 1));
        post("/api/v1/vendors", vendor).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("notes");
        vendor.put("notes", text(vendorNotes));
        post("/api/v1/vendors", vendor).expectStatus().isCreated();
    }

    @Test
    void documentedParameterAndDecimalBoundsAreEnforced() {
        int q = parameterMaxLength("/api/v1/vendors", "q");
        int cursor = parameterMaxLength("/api/v1/vendors", "cursor");
        JsonNode limit = parameter("/api/v1/vendors", "limit");

        get("/api/v1/vendors?q=" + text(q)).expectStatus().isOk();
        get("/api/v1/vendors?q=" + text(q + 1)).expectStatus().isBadRequest();
        get("/api/v1/vendors?cursor=" + "A".repeat(cursor + 1)).expectStatus().isBadRequest();
        get("/api/v1/vendors?limit=" + limit.path("maximum").asInt()).expectStatus().isOk();
        get("/api/v1/vendors?limit=" + (limit.path("maximum").asInt() + 1)).expectStatus().isBadRequest();
        get("/api/v1/vendors?limit=" + (limit.path("minimum").asInt() - 1)).expectStatus().isBadRequest();

        int decimal = maxLength("BatchQuantityRequest", "quantity");
        String tooLong = "0".repeat(decimal) + "1";
        // The length is checked while the body is read, before the batch is looked up: any id shows it.
        post("/api/v1/batches/1/quarantine", Map.of("quantity", tooLong, "reason", "bounds"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("quantity");
    }

    private Map<String, Boolean> protectedByRoute() {
        Map<String, Boolean> declared = new LinkedHashMap<>();
        for (RouteDescriptor route : routes.declared()) {
            declared.put(route.method() + " " + route.path(), !Permissions.PUBLIC.equals(route.permission()));
        }
        return declared;
    }

    private int maxLength(String schema, String property) {
        JsonNode bound = spec.path("components").path("schemas").path(schema).path("properties").path(property)
                .path("maxLength");
        assertThat(bound.isNumber()).as(schema + "." + property + " maxLength").isTrue();
        return bound.asInt();
    }

    private JsonNode parameter(String path, String name) {
        for (JsonNode parameter : spec.path("paths").path(path).path("get").path("parameters")) {
            if (name.equals(parameter.path("name").asString())) {
                return parameter.path("schema");
            }
        }
        throw new AssertionError("no parameter " + name + " on GET " + path);
    }

    private int parameterMaxLength(String path, String name) {
        JsonNode bound = parameter(path, name).path("maxLength");
        assertThat(bound.isNumber()).as(name + " maxLength").isTrue();
        return bound.asInt();
    }

    private static String text(int length) {
        return "b".repeat(length - 8) + UUID.randomUUID().toString().substring(0, 8);
    }

    private WebTestClient.ResponseSpec post(String path, Object body) {
        return http.post().uri(path).headers(headers -> headers.setBearerAuth(tokens.admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String path) {
        return http.get().uri(path).headers(headers -> headers.setBearerAuth(tokens.admin())).exchange();
    }
}
