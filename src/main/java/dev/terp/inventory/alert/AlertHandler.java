package dev.terp.inventory.alert;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.terp.inventory.alert.api.ResolveRequest;
import dev.terp.inventory.domain.AlertRules;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class AlertHandler {

    static final String PATH = "/api/v1/inventory/alerts";
    static final Set<String> STATUSES = Set.of("ACTIVE", "ACKNOWLEDGED", "RESOLVED");
    static final Set<String> TYPES = Arrays.stream(AlertRules.Type.values()).map(Enum::name)
            .collect(Collectors.toUnmodifiableSet());

    private final AlertService alerts;
    private final RequestBodies bodies;

    AlertHandler(AlertService alerts, RequestBodies bodies) {
        this.alerts = alerts;
        this.bodies = bodies;
    }

    Mono<ServerResponse> generate(ServerRequest request) {
        return alerts.generate().flatMap(Responses::ok);
    }

    Mono<ServerResponse> summary(ServerRequest request) {
        return alerts.summary().flatMap(Responses::ok);
    }

    /** The list's query parameters, parsed (and refused with 400) before any query runs. */
    private record ListQuery(String status, String type, Long batchId, PageRequest page) {
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return Mono.fromCallable(() -> new ListQuery(oneOf(request, "status", STATUSES), oneOf(request, "type", TYPES),
                        request.queryParam("batchId").filter(raw -> !raw.isBlank())
                                .map(raw -> Responses.positiveLong(raw.trim(), "batchId")).orElse(null),
                        PageRequest.from(request)))
                .flatMap(query -> alerts.list(query.status(), query.type(), query.batchId(), query.page()))
                .flatMap(Responses::page);
    }

    Mono<ServerResponse> acknowledge(ServerRequest request) {
        return Mono.fromCallable(() -> Responses.id(request))
                .flatMap(alerts::acknowledge)
                .flatMap(view -> Responses.versioned(view.version(), view));
    }

    Mono<ServerResponse> resolve(ServerRequest request) {
        return Mono.fromCallable(() -> Responses.id(request))
                .flatMap(id -> bodies.valid(request, ResolveRequest.class)
                        .flatMap(body -> alerts.resolve(id, body.resolution())))
                .flatMap(view -> Responses.versioned(view.version(), view));
    }

    private static String oneOf(ServerRequest request, String name, Set<String> allowed) {
        return request.queryParam(name).map(String::trim).filter(raw -> !raw.isEmpty()).map(raw -> {
            String value = raw.toUpperCase();
            if (!allowed.contains(value)) {
                throw ValidationException.of(name, "must be one of " + String.join(", ", allowed.stream().sorted()
                        .toList()));
            }
            return value;
        }).orElse(null);
    }
}
