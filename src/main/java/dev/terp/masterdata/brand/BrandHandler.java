package dev.terp.masterdata.brand;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.brand.api.BrandRequest;
import dev.terp.masterdata.brand.api.BrandView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class BrandHandler {

    static final String PATH = "/api/v1/brands";

    private final BrandService brands;
    private final RequestBodies bodies;

    BrandHandler(BrandService brands, RequestBodies bodies) {
        this.brands = brands;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        Long vendorId = request.queryParam("vendorId").map(raw -> Responses.positiveLong(raw, "vendorId"))
                .orElse(null);
        return brands.list(Responses.searchText(request), vendorId, Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(BrandView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return brands.get(Responses.id(request))
                .flatMap(brand -> Responses.versioned(brand.version(), BrandView.of(brand)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, BrandRequest.class)
                .flatMap(body -> brands.create(body.details()))
                .flatMap(brand -> Responses.created(PATH, brand.id(), brand.version(), BrandView.of(brand)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, BrandRequest.class)
                .flatMap(body -> brands.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(brand -> Responses.versioned(brand.version(), BrandView.of(brand)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return brands.setActive(Responses.id(request), true)
                .flatMap(brand -> Responses.versioned(brand.version(), BrandView.of(brand)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return brands.setActive(Responses.id(request), false)
                .flatMap(brand -> Responses.versioned(brand.version(), BrandView.of(brand)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return brands.delete(Responses.id(request)).then(Responses.noContent());
    }
}
