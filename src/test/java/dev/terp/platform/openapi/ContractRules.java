package dev.terp.platform.openapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * The rules a served OpenAPI document must follow so that clients can be generated from it and an API lint finds
 * nothing unbounded (issue 10 item 6). Works on the JSON of the document, so it judges what clients really see.
 * Each finding names its JSON location and the rule it breaks.
 */
final class ContractRules {

    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");
    static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Names of framework types that must not leak as schemas (a JsonNode clashes with Jackson's in clients). */
    private static final Pattern FRAMEWORK_NAME = Pattern.compile(
            "(Json|Object|Array|Text|Value|Missing|Pojo|Numeric|Binary|Boolean|Null)Node|Map.*|Object|HashMap.*");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private final JsonNode spec;
    private final Map<String, Boolean> protectedByRoute;
    private final List<String> findings = new ArrayList<>();

    /**
     * @param protectedByRoute {@code "POST /api/v1/vendors"} → whether the route needs a token (every route but
     *                         the public ones); the routes the server declared, so routes added later are covered
     */
    private ContractRules(JsonNode spec, Map<String, Boolean> protectedByRoute) {
        this.spec = spec;
        this.protectedByRoute = protectedByRoute;
    }

    static List<String> check(JsonNode spec, Map<String, Boolean> protectedByRoute) {
        ContractRules rules = new ContractRules(spec, protectedByRoute);
        rules.schemasAndHeaders();
        rules.operations();
        return rules.findings;
    }

    private void schemasAndHeaders() {
        JsonNode schemas = spec.path("components").path("schemas");
        for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
            String where = "#/components/schemas/" + schema.getKey();
            if (FRAMEWORK_NAME.matcher(schema.getKey()).matches()) {
                findings.add(where + ": named like a framework type; give the field a schema of its own");
            }
            if (freeForm(schema.getValue()) && schema.getValue().path("description").asString("").isBlank()) {
                findings.add(where + ": a free-form object needs a description of what it holds");
            }
            bounded(schema.getValue(), where, true);
        }
        for (Map.Entry<String, JsonNode> header : spec.path("components").path("headers").properties()) {
            String where = "#/components/headers/" + header.getKey() + "/schema";
            if (types(header.getValue().path("schema")).isEmpty()) {
                findings.add(where + ": no type");
            }
            bounded(header.getValue().path("schema"), where, false);
        }
    }

    private void operations() {
        Set<String> describedTags = new java.util.HashSet<>();
        for (JsonNode tag : spec.path("tags")) {
            if (!tag.path("description").asString("").isBlank()) {
                describedTags.add(tag.path("name").asString());
            }
        }
        for (Map.Entry<String, JsonNode> path : spec.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                String route = entry.getKey().toUpperCase() + " " + path.getKey();
                operation(route, entry.getValue(), describedTags);
            }
        }
    }

    private void operation(String route, JsonNode operation, Set<String> describedTags) {
        if (operation.path("tags").isEmpty()) {
            findings.add(route + ": no tag");
        }
        for (JsonNode tag : operation.path("tags")) {
            if (!describedTags.contains(tag.asString())) {
                findings.add(route + ": tag '" + tag.asString() + "' is not declared with a description");
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            bounded(parameter.path("schema"), route + " parameter " + parameter.path("name").asString(), false);
        }
        JsonNode body = operation.path("requestBody").path("content");
        if (body.has("*/*")) {
            findings.add(route + ": request body typed */*");
        }
        for (Map.Entry<String, JsonNode> media : body.properties()) {
            bounded(media.getValue().path("schema"), route + " request " + media.getKey(), false);
        }
        JsonNode responses = operation.path("responses");
        Boolean needsToken = protectedByRoute.get(route);
        if (needsToken == null) {
            findings.add(route + ": documented but not declared by the server");
        } else if (needsToken) {
            if (operation.path("security").isEmpty()) {
                findings.add(route + ": protected but documents no security requirement");
            }
            problem(route, responses, "401");
            problem(route, responses, "403");
        }
        problem(route, responses, "429");
        headers(route + " 429", responses.path("429"), true);
        for (Map.Entry<String, JsonNode> response : responses.properties()) {
            String status = response.getKey();
            JsonNode content = response.getValue().path("content");
            if (status.startsWith("2")) {
                if (content.has("*/*")) {
                    findings.add(route + " " + status + ": success response typed */*");
                }
                headers(route + " " + status, response.getValue(), false);
            }
            for (Map.Entry<String, JsonNode> media : content.properties()) {
                bounded(media.getValue().path("schema"), route + " " + status + " " + media.getKey(), false);
            }
        }
    }

    private void problem(String route, JsonNode responses, String status) {
        JsonNode schema = responses.path(status).path("content").path("application/problem+json").path("schema");
        if (!PROBLEM_REF.equals(schema.path("$ref").asString(""))) {
            findings.add(route + ": no " + status + " application/problem+json response with the Problem schema");
        }
    }

    private void headers(String where, JsonNode response, boolean refused) {
        JsonNode headers = response.path("headers");
        for (String name : RATE_LIMIT_HEADERS) {
            if (!headers.has(name)) {
                findings.add(where + ": header " + name + " not documented");
            }
        }
        if (refused && !headers.has("Retry-After")) {
            findings.add(where + ": header Retry-After not documented");
        }
    }

    /**
     * Strings have maxLength, integers minimum and maximum, arrays maxItems, and maps are named schemas; inline
     * (not named) schemas are walked here too, named ones once under components.
     */
    private void bounded(JsonNode schema, String where, boolean named) {
        if (schema == null || schema.isMissingNode() || !schema.isObject() || schema.has("$ref")) {
            return;
        }
        Set<String> types = types(schema);
        if (types.contains("string") && !schema.has("maxLength")) {
            findings.add(where + ": string without maxLength");
        }
        if (types.contains("integer") && (!schema.has("minimum") || !schema.has("maximum"))) {
            findings.add(where + ": integer without minimum and maximum");
        }
        if (types.contains("array")) {
            if (!schema.has("maxItems")) {
                findings.add(where + ": array without maxItems");
            }
            bounded(schema.path("items"), where + "/items", false);
        }
        if (!named && freeForm(schema)) {
            findings.add(where + ": a free-form map inline; give it a named schema");
        }
        JsonNode values = schema.path("additionalProperties");
        if (values.isObject()) {
            bounded(values, where + "/additionalProperties", false);
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            bounded(property.getValue(), where + "/properties/" + property.getKey(), false);
        }
        for (String composition : List.of("allOf", "oneOf", "anyOf")) {
            int index = 0;
            for (JsonNode part : schema.path(composition)) {
                bounded(part, where + "/" + composition + "/" + index++, false);
            }
        }
    }

    /** An object whose values may be anything: {@code additionalProperties: true} or {@code {}}. */
    private static boolean freeForm(JsonNode schema) {
        JsonNode values = schema.path("additionalProperties");
        return values.isBoolean() && values.asBoolean() || values.isObject() && values.isEmpty();
    }

    private static Set<String> types(JsonNode schema) {
        JsonNode type = schema.path("type");
        Set<String> types = new java.util.HashSet<>();
        if (type.isString()) {
            types.add(type.asString());
        }
        for (Iterator<JsonNode> each = type.isArray() ? type.iterator() : List.<JsonNode>of().iterator();
                each.hasNext(); ) {
            types.add(each.next().asString());
        }
        return types;
    }
}
