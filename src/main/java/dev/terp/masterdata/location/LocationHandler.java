package dev.terp.masterdata.location;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.location.api.LocationRequest;
import dev.terp.masterdata.location.api.LocationView;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class LocationHandler {

    static final String PATH = "/api/v1/locations";

    private final LocationService locations;
    private final RequestBodies bodies;

    LocationHandler(LocationService locations, RequestBodies bodies) {
        this.locations = locations;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return locations.list(Responses.searchText(request), siteFilter(request),
                        Responses.booleanParam(request, "active"), PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(LocationView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return locations.get(Responses.id(request))
                .flatMap(location -> Responses.versioned(location.version(), LocationView.of(location)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, LocationRequest.class)
                .flatMap(body -> locations.create(body.address(), body.capacity()))
                .flatMap(location -> Responses.created(PATH, location.id(), location.version(),
                        LocationView.of(location)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, LocationRequest.class)
                .flatMap(body -> locations.update(id, ExpectedVersion.of(request, body.version()), body.address(),
                        body.capacity()))
                .flatMap(location -> Responses.versioned(location.version(), LocationView.of(location)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return locations.setActive(Responses.id(request), true)
                .flatMap(location -> Responses.versioned(location.version(), LocationView.of(location)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return locations.setActive(Responses.id(request), false)
                .flatMap(location -> Responses.versioned(location.version(), LocationView.of(location)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return locations.delete(Responses.id(request)).then(Responses.noContent());
    }

    /** The exact-site filter, trimmed; blank means no filter. */
    private static String siteFilter(ServerRequest request) {
        String site = request.queryParam("site").map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
        if (site != null && site.length() > 100) {
            throw ValidationException.of("site", "must be at most 100 characters");
        }
        return site;
    }
}
