package dev.terp.inventory.view;

import reactor.core.publisher.Mono;

import dev.terp.inventory.view.api.InventoryViewRequest;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class InventoryViewHandler {

    static final String PATH = "/api/v1/inventory/views";

    private final InventoryViewService views;
    private final RequestBodies bodies;

    InventoryViewHandler(InventoryViewService views, RequestBodies bodies) {
        this.views = views;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return views.list(PageRequest.from(request)).flatMap(Responses::page);
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, InventoryViewRequest.class)
                .flatMap(body -> views.create(body.name(), body.filters(), Boolean.TRUE.equals(body.isShared())))
                .flatMap(view -> Responses.created(PATH, view.id(), view.version(), view));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return views.delete(Responses.id(request)).then(Responses.noContent());
    }
}
