package dev.terp.inventory.profitability;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class ProfitabilityHandler {

    static final int DEFAULT_LIMIT = 10;
    static final int MAX_LIMIT = 100;

    private final ProfitabilityService profitability;

    ProfitabilityHandler(ProfitabilityService profitability) {
        this.profitability = profitability;
    }

    Mono<ServerResponse> batch(ServerRequest request) {
        return Mono.fromCallable(() -> Responses.id(request)).flatMap(profitability::batch).flatMap(Responses::ok);
    }

    Mono<ServerResponse> top(ServerRequest request) {
        return Mono.fromCallable(() -> limit(request)).flatMap(profitability::top).flatMap(Responses::ok);
    }

    Mono<ServerResponse> summary(ServerRequest request) {
        return profitability.summary().flatMap(Responses::ok);
    }

    private static int limit(ServerRequest request) {
        return request.queryParam("limit").map(raw -> {
            try {
                int limit = Integer.parseInt(raw.trim());
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw ValidationException.of("limit", "must be an integer from 1 to " + MAX_LIMIT);
        }).orElse(DEFAULT_LIMIT);
    }
}
