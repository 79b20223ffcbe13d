package dev.terp.platform.openapi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import dev.terp.platform.paging.Cursor;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.Responses;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the served document a contract clients can generate from (issue 10 item 6), the same way for every route,
 * so a new resource only declares what is its own. What is derived here is what the server enforces:
 * <ul>
 * <li>tags: each routes bean carries {@code @Tag(name, description)} from swagger's annotations; the tags of the
 * document are collected from them (one description per name);</li>
 * <li>success responses are {@code application/json} (every handler answers through {@code Responses}), not
 * springdoc's {@code *&#47;*};</li>
 * <li>every operation documents the {@code RateLimit-*} headers the rate-limit filter writes on every
 * {@code /api/} response, and its 429 carries {@code Retry-After};</li>
 * <li>bounds that Bean Validation annotations (which springdoc already turns into maxLength, maxItems, minimum ...)
 * do not give: enums (the longest constant), dates (10) and timestamps (35: ISO-8601 with offset and nanoseconds),
 * integers (their Java type's range; ids in
 * responses from 1), pages (at most {@link PageRequest#MAX_LIMIT} items, cursors of {@link Cursor#MAX_LENGTH}),
 * query and path text (the 4096-byte request line Netty accepts), a response field that mirrors the same field of
 * the resource's {@code <Name>Request} (its enforced maxLength), and otherwise server-written text that comes from
 * a column: TEXT's 65 535 characters, the largest column the API returns.</li>
 * </ul>
 * What is left unbounded is a gap in the source: {@code OpenApiContractIT} fails on it.
 */
@Configuration(proxyBeanMethods = false)
public class ApiContract {

    static final int DATE_LENGTH = 10;
    static final int TIMESTAMP_LENGTH = 35;
    /** The largest text column the API returns (TEXT); VARCHAR columns are smaller. */
    static final int COLUMN_TEXT_LENGTH = 65_535;
    /** Netty's default maximum request line: no query or path value can be longer. */
    static final int REQUEST_LINE_LENGTH = 4096;
    static final List<String> RATE_LIMIT_HEADERS = List.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset");
    static final String RETRY_AFTER = "Retry-After";
    private static final String REF_PREFIX = "#/components/schemas/";
    /** One character class repeated a bounded number of times, as in {@code [A-Za-z0-9._-]{3,64}}. */
    private static final Pattern BOUNDED_PATTERN = Pattern.compile("\\[[^\\]]*]\\{(\\d+),(\\d+)}");

    @Bean
    OpenApiCustomizer apiContractCustomizer(ApplicationContext context) {
        return openApi -> {
            openApi.setTags(declaredTags(context, openApi));
            addHeaderComponents(openApi);
            Map<String, Schema> schemas = openApi.getComponents() == null ? Map.of()
                    : openApi.getComponents().getSchemas() == null ? Map.of() : openApi.getComponents().getSchemas();
            Set<String> requestSchemas = requestSchemas(openApi, schemas);
            schemas.forEach((name, schema) -> bound(schema, null, !requestSchemas.contains(name),
                    schemas.get(name + "Request"), isPage(schema)));
            if (openApi.getPaths() != null) {
                openApi.getPaths().values().forEach(path -> path.readOperations().forEach(this::contract));
            }
        };
    }

    private void contract(Operation operation) {
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                Schema<?> schema = parameter.getSchema();
                if (schema == null) {
                    continue;
                }
                if ("q".equals(parameter.getName()) && schema.getMaxLength() == null) {
                    schema.setMaxLength(Responses.MAX_SEARCH_LENGTH);
                }
                if ("cursor".equals(parameter.getName()) && schema.getMaxLength() == null) {
                    schema.setMaxLength(Cursor.MAX_LENGTH);
                }
                if ("limit".equals(parameter.getName()) && schema.getMinimum() == null) {
                    schema.setMinimum(BigDecimal.ONE);
                    schema.setMaximum(BigDecimal.valueOf(PageRequest.MAX_LIMIT));
                }
                if (is(schema, "integer") && schema.getMinimum() == null
                        && ("path".equals(parameter.getIn()) || parameter.getName().endsWith("Id"))) {
                    schema.setMinimum(BigDecimal.ONE); // Responses.positiveLong: anything else is a 400
                }
                if (is(schema, "string") && schema.getMaxLength() == null && schema.getEnum() == null
                        && schema.getFormat() == null) {
                    schema.setMaxLength(REQUEST_LINE_LENGTH);
                }
                bound(schema, parameter.getName(), false, null, false);
            }
        }
        if (operation.getRequestBody() != null) {
            operation.getRequestBody().setContent(json(operation.getRequestBody().getContent()));
        }
        if (operation.getResponses() == null) {
            return;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.setContent(json(response.getContent()));
                rateLimitHeaders(response, false);
            } else if ("429".equals(status)) {
                rateLimitHeaders(response, true);
            }
        });
    }

    /** Bodies in and out are JSON: a request of another type is a 415, every handler answers through Responses. */
    private static Content json(Content content) {
        if (content == null || !content.containsKey("*/*")) {
            return content;
        }
        Content json = new Content();
        content.forEach((type, media) -> json.addMediaType("*/*".equals(type) ? "application/json" : type, media));
        return json;
    }

    private static void rateLimitHeaders(ApiResponse response, boolean refused) {
        for (String name : RATE_LIMIT_HEADERS) {
            response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name));
        }
        if (refused) {
            response.addHeaderObject(RETRY_AFTER, new Header().$ref("#/components/headers/" + RETRY_AFTER));
        }
    }

    private static void addHeaderComponents(OpenAPI openApi) {
        // Absent only when the limiter could not decide (Redis unavailable: the request is let through).
        header(openApi, "RateLimit-Limit", "Requests the caller's current window allows (api-conventions §5)", 0);
        header(openApi, "RateLimit-Remaining", "Requests left in the current window", 0);
        header(openApi, "RateLimit-Reset", "Seconds until the window is full again", 0);
        header(openApi, RETRY_AFTER, "Seconds to wait before retrying", 0);
    }

    private static void header(OpenAPI openApi, String name, String description, long minimum) {
        Schema<Long> seconds = new Schema<Long>().type("integer").format("int64")
                .minimum(BigDecimal.valueOf(minimum)).maximum(BigDecimal.valueOf(Long.MAX_VALUE));
        seconds.setTypes(Set.of("integer")); // OpenAPI 3.1 documents write "types"
        openApi.getComponents().addHeaders(name, new Header().description(description).schema(seconds));
    }

    /**
     * Fills the bounds of {@code schema} (and what it contains) that its source did not declare.
     *
     * @param response whether the schema is only ever written by the server (not part of any request body)
     * @param mirror   the request schema of the same resource, whose properties' bounds the server enforced
     * @param page     whether the schema is a keyset page ({@code {items, nextCursor}})
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private void bound(Schema schema, String name, boolean response, Schema mirror, boolean page) {
        if (schema == null || schema.get$ref() != null) {
            return;
        }
        if (is(schema, "string") && schema.getMaxLength() == null) {
            Integer length = stringLength(schema, name, response, mirror);
            if (length != null) {
                schema.setMaxLength(length);
            }
        }
        if (is(schema, "integer")) {
            boolean int32 = "int32".equals(schema.getFormat());
            if (schema.getMinimum() == null) {
                boolean id = response && name != null && (name.equals("id") || name.endsWith("Id"));
                schema.setMinimum(id ? BigDecimal.ONE : BigDecimal.valueOf(int32 ? Integer.MIN_VALUE : Long.MIN_VALUE));
            }
            if (schema.getMaximum() == null) {
                schema.setMaximum(BigDecimal.valueOf(int32 ? Integer.MAX_VALUE : Long.MAX_VALUE));
            }
        }
        if (is(schema, "array")) {
            if (schema.getMaxItems() == null && page && "items".equals(name)) {
                schema.setMaxItems(PageRequest.MAX_LIMIT);
            }
            if (schema.getMaxItems() == null && mirror != null && mirror.getMaxItems() != null) {
                schema.setMaxItems(mirror.getMaxItems());
            }
            bound(schema.getItems(), name, response, mirror == null ? null : mirror.getItems(), false);
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = schema.getProperties();
            properties.forEach((property, child) -> {
                Schema mirrored = mirror == null || mirror.getProperties() == null ? null
                        : (Schema) mirror.getProperties().get(property);
                if ("nextCursor".equals(property) && page && child.getMaxLength() == null) {
                    child.setMaxLength(Cursor.MAX_LENGTH);
                }
                bound(child, property, response, mirrored, page && "items".equals(property));
            });
        }
        if (schema.getAdditionalProperties() instanceof Schema values) {
            bound(values, null, response, null, false);
        }
        for (List<Schema> composed : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getOneOf()),
                nullToEmpty(schema.getAnyOf()))) {
            composed.forEach(part -> bound(part, name, response, mirror, page));
        }
    }

    @SuppressWarnings("rawtypes")
    private static Integer stringLength(Schema schema, String name, boolean response, Schema mirror) {
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().stream().mapToInt(value -> String.valueOf(value).length()).max().orElse(0);
        }
        if ("date".equals(schema.getFormat())) {
            return DATE_LENGTH;
        }
        if ("date-time".equals(schema.getFormat())) {
            return TIMESTAMP_LENGTH;
        }
        if (schema.getPattern() != null) {
            // A Bean Validation @Pattern matches the whole value: x{3,64} is at most 64 characters.
            Matcher bounded = BOUNDED_PATTERN.matcher(schema.getPattern());
            if (bounded.matches()) {
                return Integer.valueOf(bounded.group(2));
            }
        }
        if (mirror != null && mirror.getMaxLength() != null) {
            return mirror.getMaxLength();
        }
        return response ? COLUMN_TEXT_LENGTH : null;
    }

    /** Names of the schemas a client sends (request bodies and what they contain): never bounded by default. */
    @SuppressWarnings("rawtypes")
    private static Set<String> requestSchemas(OpenAPI openApi, Map<String, Schema> schemas) {
        Set<String> names = new TreeSet<>();
        List<String> pending = new ArrayList<>();
        if (openApi.getPaths() != null) {
            for (PathItem path : openApi.getPaths().values()) {
                for (Operation operation : path.readOperations()) {
                    if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                        for (MediaType media : operation.getRequestBody().getContent().values()) {
                            pending.addAll(references(media.getSchema()));
                        }
                    }
                }
            }
        }
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (names.add(name) && schemas.get(name) != null) {
                pending.addAll(references(schemas.get(name)));
            }
        }
        return names;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static List<String> references(Schema schema) {
        List<String> found = new ArrayList<>();
        if (schema == null) {
            return found;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(REF_PREFIX)) {
            found.add(schema.get$ref().substring(REF_PREFIX.length()));
        }
        found.addAll(references(schema.getItems()));
        if (schema.getAdditionalProperties() instanceof Schema values) {
            found.addAll(references(values));
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(child -> found.addAll(references(child)));
        }
        for (List<Schema> composed : List.of(nullToEmpty(schema.getAllOf()), nullToEmpty(schema.getOneOf()),
                nullToEmpty(schema.getAnyOf()))) {
            composed.forEach(part -> found.addAll(references(part)));
        }
        return found;
    }

    /**
     * The document's tags: every {@code @Tag} on a bean (each routes bean declares the tag it files its operations
     * under, with a description), in name order. Two different descriptions of one tag are a programming error.
     */
    private static List<Tag> declaredTags(ApplicationContext context, OpenAPI openApi) {
        Map<String, String> described = new TreeMap<>();
        for (String bean : context.getBeanNamesForAnnotation(io.swagger.v3.oas.annotations.tags.Tag.class)) {
            for (io.swagger.v3.oas.annotations.tags.Tag tag : context.findAllAnnotationsOnBean(bean,
                    io.swagger.v3.oas.annotations.tags.Tag.class, false)) {
                String earlier = described.putIfAbsent(tag.name(), tag.description());
                if (earlier != null && !earlier.equals(tag.description())) {
                    throw new IllegalStateException("Tag '" + tag.name() + "' is described twice, differently");
                }
            }
        }
        Map<String, Tag> tags = new LinkedHashMap<>();
        described.forEach((name, description) -> tags.put(name, new Tag().name(name).description(description)));
        // Tags used by operations but described nowhere stay visible (without a description) for the contract test.
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                if (operation.getTags() != null) {
                    operation.getTags().forEach(name -> tags.putIfAbsent(name, new Tag().name(name)));
                }
            }));
        }
        return new ArrayList<>(tags.values());
    }

    @SuppressWarnings("rawtypes")
    private static boolean isPage(Schema schema) {
        return schema.getProperties() != null && schema.getProperties().keySet().equals(Set.of("items", "nextCursor"));
    }

    @SuppressWarnings("rawtypes")
    private static boolean is(Schema schema, String type) {
        return type.equals(schema.getType()) || (schema.getTypes() != null && schema.getTypes().contains(type));
    }

    @SuppressWarnings("rawtypes")
    private static List<Schema> nullToEmpty(List<Schema> list) {
        return list == null ? List.of() : list;
    }
}
