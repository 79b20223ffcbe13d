package dev.terp.inventory.cogs;

import reactor.core.publisher.Mono;

import dev.terp.inventory.cogs.CogsService.ApplyTo;
import dev.terp.inventory.cogs.CogsService.Impact;
import dev.terp.inventory.cogs.api.CogsHistoryView;
import dev.terp.inventory.cogs.api.CogsImpactRequest;
import dev.terp.inventory.cogs.api.CogsImpactView;
import dev.terp.inventory.cogs.api.CogsUpdateRequest;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.Decimals;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class CogsHandler {

    static final String PATH = "/api/v1/batches/{id}/cogs";

    private final CogsService cogs;
    private final RequestBodies bodies;

    CogsHandler(CogsService cogs, RequestBodies bodies) {
        this.cogs = cogs;
        this.bodies = bodies;
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return cogs.get(Responses.id(request))
                .flatMap(settings -> Responses.versioned(settings.version(), CogsService.view(settings)));
    }

    Mono<ServerResponse> impact(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, CogsImpactRequest.class)
                .flatMap(body -> cogs.impact(id, body.newUnitCogs(), body.newUnitCogsMin(), body.newUnitCogsMax()))
                .flatMap(impact -> Responses.ok(view(impact)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, CogsUpdateRequest.class)
                .flatMap(body -> cogs.update(id, body.newUnitCogs(), body.newUnitCogsMin(), body.newUnitCogsMax(),
                        ApplyTo.valueOf(body.applyTo()), body.reason(), ExpectedVersion.of(request, body.version())))
                .flatMap(settings -> Responses.versioned(settings.version(), CogsService.view(settings)));
    }

    Mono<ServerResponse> history(ServerRequest request) {
        long id = Responses.id(request);
        return cogs.history(id, PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(CogsHandler::view)));
    }

    private static CogsImpactView view(Impact impact) {
        return new CogsImpactView(CogsService.money(impact.oldUnitCostBasis()),
                CogsService.money(impact.newUnitCostBasis()), CogsService.money(impact.perUnitChange()),
                Decimals.formatQuantity(impact.quantitySold()), CogsService.money(impact.profitImpact()));
    }

    private static CogsHistoryView view(CogsHistoryEntry entry) {
        return new CogsHistoryView(entry.id(), entry.batchId(), CogsService.money(entry.oldUnitCogs()),
                CogsService.money(entry.newUnitCogs()), CogsService.money(entry.oldMin()),
                CogsService.money(entry.newMin()), CogsService.money(entry.oldMax()),
                CogsService.money(entry.newMax()), entry.changeType(), entry.reason(), entry.affectedSales(),
                entry.changedBy(), entry.createdAt());
    }
}
