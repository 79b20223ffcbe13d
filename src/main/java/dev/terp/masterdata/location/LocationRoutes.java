package dev.terp.masterdata.location;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.location.api.LocationRequest;
import dev.terp.masterdata.location.api.LocationView;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ResourceRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

@Tag(name = "Locations",
        description = "Storage locations (site, zone, rack, shelf, bin) with optional capacity (master data)")
@Configuration(proxyBeanMethods = false)
class LocationRoutes {

    @Bean
    RouterFunction<ServerResponse> locationRouter(ResourceRoutes routes, LocationService service) {
        return routes.define("Locations", "Locations", "/api/v1/locations", service.locations,
                        LocationRequest.class, LocationView.class, LocationPage.class)
                .standard(MASTER_DATA_READ, MASTER_DATA_WRITE,
                        "List locations (keyset paged by id; q matches any part of the address)",
                        LocationRoutes::filter, op -> {
                            ApiRoutes.activeParameter(op);
                            op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("site")
                                    .description("Only locations at this site (exact, case-insensitive)")
                                    .implementation(String.class));
                        })
                .build();
    }

    /** q over every part of the address; {@code site} exact (trimmed; blank = no filter; the collation ignores case). */
    private static Criteria filter(ServerRequest request) {
        Criteria criteria = ResourceRoutes.searchAndActive(request, "site", "zone", "rack", "shelf", "bin");
        String site = request.queryParam("site").map(String::trim).filter(text -> !text.isEmpty()).orElse(null);
        if (site != null && site.length() > 100) {
            throw ValidationException.of("site", "must be at most 100 characters");
        }
        return site == null ? criteria : criteria.and(Criteria.where("site").is(site));
    }

    /** The list response, for the OpenAPI document. */
    record LocationPage(List<LocationView> items, String nextCursor) {
    }
}
