package dev.terp.masterdata.strain;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.strain.api.StrainMatches;
import dev.terp.masterdata.strain.api.StrainRequest;
import dev.terp.masterdata.strain.api.StrainView;
import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class StrainHandler {

    static final String PATH = "/api/v1/strains";

    private final StrainService strains;
    private final RequestBodies bodies;

    StrainHandler(StrainService strains, RequestBodies bodies) {
        this.strains = strains;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return strains.list(Responses.searchText(request), category(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(StrainView::of)));
    }

    Mono<ServerResponse> search(ServerRequest request) {
        String q = Responses.searchText(request);
        if (q == null) {
            return Mono.error(ValidationException.of("q", "is required"));
        }
        return strains.search(q)
                .flatMap(found -> Responses.ok(new StrainMatches(found.stream().map(StrainView::of).toList())));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return strains.get(Responses.id(request))
                .flatMap(strain -> Responses.versioned(strain.version(), StrainView.of(strain)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, StrainRequest.class)
                .flatMap(body -> strains.create(body.details()))
                .flatMap(strain -> Responses.created(PATH, strain.id(), strain.version(), StrainView.of(strain)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, StrainRequest.class)
                .flatMap(body -> strains.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(strain -> Responses.versioned(strain.version(), StrainView.of(strain)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return strains.setActive(Responses.id(request), true)
                .flatMap(strain -> Responses.versioned(strain.version(), StrainView.of(strain)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return strains.setActive(Responses.id(request), false)
                .flatMap(strain -> Responses.versioned(strain.version(), StrainView.of(strain)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return strains.delete(Responses.id(request)).then(Responses.noContent());
    }

    /** The {@code category} filter, spelled exactly as the API writes it; anything else is a 400. */
    private static StrainCategory category(ServerRequest request) {
        return request.queryParam("category")
                .map(raw -> StrainCategory.parse(raw).filter(category -> category.name().equals(raw))
                        .orElseThrow(() -> ValidationException.of("category", "must be one of INDICA, SATIVA, HYBRID")))
                .orElse(null);
    }
}
