package dev.terp.platform.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import org.springdoc.core.fn.builders.operation.Builder;
import org.springdoc.webflux.core.fn.SpringdocRouteBuilder;
import reactor.core.publisher.Mono;

import dev.terp.platform.openapi.OpenApiConfiguration;
import dev.terp.platform.security.AccessGate;
import dev.terp.platform.security.Permissions;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.content.Builder.contentBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;
import static org.springdoc.core.fn.builders.securityrequirement.Builder.securityRequirementBuilder;

/**
 * How a module declares its routes: path, permission, handler and OpenAPI operation in one line each. Every route
 * goes through the {@link AccessGate} with its permission, is recorded in {@link #declared()}, and documents the
 * problem responses every endpoint can give.
 */
@Component
public class ApiRoutes {

    private final AccessGate accessGate;
    private final List<RouteDescriptor> declared = new CopyOnWriteArrayList<>();

    public ApiRoutes(AccessGate accessGate) {
        this.accessGate = accessGate;
    }

    /** EXPENSIVE routes (exports, seeds, recalculations) also draw from the strict rate limit. */
    public enum Cost {
        NORMAL, EXPENSIVE
    }

    public Definitions define(String tag) {
        return new Definitions(tag);
    }

    /** Every route declared so far, with its permission. */
    public List<RouteDescriptor> declared() {
        return List.copyOf(declared);
    }

    public final class Definitions {

        private final String tag;
        private final SpringdocRouteBuilder builder = SpringdocRouteBuilder.route();

        private Definitions(String tag) {
            this.tag = tag;
        }

        public Definitions GET(String path, String permission, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            return GET(path, permission, Cost.NORMAL, handler, docs);
        }

        public Definitions GET(String path, String permission, Cost cost, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            builder.GET(path, guarded(HttpMethod.GET, path, permission, cost, handler),
                    documented(path, permission, docs));
            return this;
        }

        public Definitions POST(String path, String permission, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            return POST(path, permission, Cost.NORMAL, handler, docs);
        }

        public Definitions POST(String path, String permission, Cost cost, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            builder.POST(path, guarded(HttpMethod.POST, path, permission, cost, handler),
                    documented(path, permission, docs));
            return this;
        }

        public Definitions PUT(String path, String permission, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            return PUT(path, permission, Cost.NORMAL, handler, docs);
        }

        public Definitions PUT(String path, String permission, Cost cost, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            builder.PUT(path, guarded(HttpMethod.PUT, path, permission, cost, handler),
                    documented(path, permission, docs));
            return this;
        }

        public Definitions PATCH(String path, String permission, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            return PATCH(path, permission, Cost.NORMAL, handler, docs);
        }

        public Definitions PATCH(String path, String permission, Cost cost, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            builder.PATCH(path, guarded(HttpMethod.PATCH, path, permission, cost, handler),
                    documented(path, permission, docs));
            return this;
        }

        public Definitions DELETE(String path, String permission, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            return DELETE(path, permission, Cost.NORMAL, handler, docs);
        }

        public Definitions DELETE(String path, String permission, Cost cost, HandlerFunction<ServerResponse> handler,
                Consumer<Builder> docs) {
            builder.DELETE(path, guarded(HttpMethod.DELETE, path, permission, cost, handler),
                    documented(path, permission, docs));
            return this;
        }

        public RouterFunction<ServerResponse> build() {
            return builder.build();
        }

        private HandlerFunction<ServerResponse> guarded(HttpMethod method, String path, String permission, Cost cost,
                HandlerFunction<ServerResponse> handler) {
            if (permission == null || permission.isBlank()) {
                throw new IllegalArgumentException(method + " " + path + " declares no permission");
            }
            declared.add(new RouteDescriptor(method.name(), path, permission, cost));
            boolean expensive = cost == Cost.EXPENSIVE;
            // A handler whose chain completes empty (a lookup that found nothing and was not mapped to an error)
            // would otherwise leave as 200 with no body, a success that did nothing: it is a server error.
            return request -> accessGate.check(request, permission, expensive).then(Mono.defer(() ->
                    handler.handle(request))).switchIfEmpty(Mono.error(() -> new IllegalStateException(
                            method + " " + path + " completed without a response")));
        }

        private Consumer<Builder> documented(String path, String permission, Consumer<Builder> docs) {
            return operation -> {
                operation.tag(tag);
                docs.accept(operation);
                if (path.contains("{id}")) {
                    operation.parameter(parameterBuilder().in(ParameterIn.PATH).name("id").required(true)
                            .description("Positive integer id").implementation(Long.class));
                }
                if (!Permissions.PUBLIC.equals(permission)) {
                    operation.security(securityRequirementBuilder().name(OpenApiConfiguration.BEARER));
                    problem(operation, "401", "No valid bearer token (UNAUTHENTICATED)");
                    problem(operation, "403", "The caller's roles do not grant " + permission + " (FORBIDDEN)");
                }
                problem(operation, "400", "Invalid input (VALIDATION_FAILED, MALFORMED_REQUEST)");
                problem(operation, "404", "No such resource (NOT_FOUND)");
                problem(operation, "413", "Body larger than 1 MiB (PAYLOAD_TOO_LARGE)");
                problem(operation, "415", "Body is not application/json (UNSUPPORTED_MEDIA_TYPE)");
                problem(operation, "429", "Rate limit exceeded (RATE_LIMITED); see Retry-After");
                problem(operation, "500", "Unexpected failure (INTERNAL); quote the traceId");
                problem(operation, "503", "Database or Redis unavailable, or transaction deadline passed");
            };
        }
    }

    /** Adds a documented problem response; modules use it for their own codes (409 CONFLICT, ...). */
    public static void problem(Builder operation, String status, String description) {
        operation.response(responseBuilder().responseCode(status).description(description)
                .content(contentBuilder().mediaType("application/problem+json")
                        .schema(schemaBuilder().implementation(ProblemDocument.class))));
    }

    /** Documents the {@code active} filter of master-data lists. */
    public static void activeParameter(Builder operation) {
        operation.parameter(parameterBuilder().in(ParameterIn.QUERY).name("active")
                .description("true: only active records; false: only deactivated ones; absent: all")
                .implementation(Boolean.class));
    }

    /** Documents the keyset-list parameters {@code q}, {@code limit} and {@code cursor}. */
    public static void listParameters(Builder operation) {
        operation.parameter(parameterBuilder().in(ParameterIn.QUERY).name("q")
                .description("Free-text search (case-insensitive, contains)").implementation(String.class));
        pageParameters(operation);
    }

    /** {@code limit} and {@code cursor} of a keyset page ({@code PageRequest}). */
    public static void pageParameters(Builder operation) {
        operation.parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                        .description("Page size, 1-200 (default 50)").implementation(Integer.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor")
                        .description("Opaque cursor from the previous page's nextCursor").implementation(String.class));
    }
}
