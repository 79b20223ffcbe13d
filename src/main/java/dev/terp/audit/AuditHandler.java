package dev.terp.audit;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class AuditHandler {

    private static final Pattern ENTITY = Pattern.compile("[A-Z][A-Za-z]{0,63}");

    private final AuditService audit;

    AuditHandler(AuditService audit) {
        this.audit = audit;
    }

    Mono<ServerResponse> search(ServerRequest request) {
        String entity = request.queryParam("entity").filter(e -> !e.isBlank()).orElse(null);
        if (entity != null && !ENTITY.matcher(entity).matches()) {
            throw ValidationException.of("entity", "must be a PascalCase resource name such as Vendor");
        }
        Long entityId = request.queryParam("entityId").map(raw -> Responses.positiveLong(raw, "entityId"))
                .orElse(null);
        Long actorId = request.queryParam("actorId").map(raw -> Responses.positiveLong(raw, "actorId")).orElse(null);
        Instant from = instant(request, "from");
        Instant to = instant(request, "to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw ValidationException.of("from", "must be before to");
        }
        return audit.search(new AuditQuery(entity, entityId, actorId, from, to), PageRequest.from(request))
                .flatMap(Responses::page);
    }

    private static Instant instant(ServerRequest request, String name) {
        return request.queryParam(name).filter(raw -> !raw.isBlank()).map(raw -> {
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException notAnInstant) {
                throw ValidationException.of(name, "must be an ISO-8601 UTC timestamp like 2026-11-25T17:03:09Z");
            }
        }).orElse(null);
    }
}
