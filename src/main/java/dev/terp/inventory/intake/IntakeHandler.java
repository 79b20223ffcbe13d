package dev.terp.inventory.intake;

import reactor.core.publisher.Mono;

import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.intake.api.IntakeRequest;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class IntakeHandler {

    static final String PATH = "/api/v1/inventory/intake";
    /** The created batch is then read where every batch is: {@code GET /api/v1/batches/{id}}. */
    static final String BATCHES_PATH = "/api/v1/batches";

    private final IntakeService intake;
    private final RequestBodies bodies;

    IntakeHandler(IntakeService intake, RequestBodies bodies) {
        this.intake = intake;
        this.bodies = bodies;
    }

    Mono<ServerResponse> receive(ServerRequest request) {
        return bodies.valid(request, IntakeRequest.class)
                .flatMap(intake::receive)
                .flatMap(batch -> Responses.created(BATCHES_PATH, batch.id(), batch.version(), BatchView.of(batch)));
    }
}
