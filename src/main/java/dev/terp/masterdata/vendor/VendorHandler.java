package dev.terp.masterdata.vendor;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.vendor.api.VendorRequest;
import dev.terp.masterdata.vendor.api.VendorView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class VendorHandler {

    static final String PATH = "/api/v1/vendors";

    private final VendorService vendors;
    private final RequestBodies bodies;

    VendorHandler(VendorService vendors, RequestBodies bodies) {
        this.vendors = vendors;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return vendors.list(Responses.searchText(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(VendorView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return vendors.get(Responses.id(request))
                .flatMap(vendor -> Responses.versioned(vendor.version(), VendorView.of(vendor)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, VendorRequest.class)
                .flatMap(body -> vendors.create(body.details()))
                .flatMap(vendor -> Responses.created(PATH, vendor.id(), vendor.version(), VendorView.of(vendor)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, VendorRequest.class)
                .flatMap(body -> vendors.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(vendor -> Responses.versioned(vendor.version(), VendorView.of(vendor)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return vendors.setActive(Responses.id(request), true)
                .flatMap(vendor -> Responses.versioned(vendor.version(), VendorView.of(vendor)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return vendors.setActive(Responses.id(request), false)
                .flatMap(vendor -> Responses.versioned(vendor.version(), VendorView.of(vendor)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return vendors.delete(Responses.id(request)).then(Responses.noContent());
    }
}
