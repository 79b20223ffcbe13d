package dev.terp.masterdata.product;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.product.api.ProductRequest;
import dev.terp.masterdata.product.api.ProductView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class ProductHandler {

    static final String PATH = "/api/v1/products";

    private final ProductService products;
    private final RequestBodies bodies;

    ProductHandler(ProductService products, RequestBodies bodies) {
        this.products = products;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        ProductFilter filter = new ProductFilter(Responses.searchText(request), idParam(request, "brandId"),
                idParam(request, "categoryId"), idParam(request, "strainId"),
                Responses.booleanParam(request, "active"));
        return products.list(filter, PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(ProductView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return products.get(Responses.id(request))
                .flatMap(product -> Responses.versioned(product.version(), ProductView.of(product)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, ProductRequest.class)
                .flatMap(body -> products.create(body.details()))
                .flatMap(product -> Responses.created(PATH, product.id(), product.version(),
                        ProductView.of(product)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, ProductRequest.class)
                .flatMap(body -> products.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(product -> Responses.versioned(product.version(), ProductView.of(product)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return products.setActive(Responses.id(request), true)
                .flatMap(product -> Responses.versioned(product.version(), ProductView.of(product)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return products.setActive(Responses.id(request), false)
                .flatMap(product -> Responses.versioned(product.version(), ProductView.of(product)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return products.delete(Responses.id(request)).then(Responses.noContent());
    }

    private static Long idParam(ServerRequest request, String name) {
        return request.queryParam(name).map(raw -> Responses.positiveLong(raw, name)).orElse(null);
    }
}
