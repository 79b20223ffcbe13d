package dev.terp.masterdata.location;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.masterdata.location.api.LocationRequest;
import dev.terp.masterdata.location.api.LocationView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.location.LocationHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class LocationRoutes {

    @Bean
    RouterFunction<ServerResponse> locationRouter(ApiRoutes routes, LocationHandler handler) {
        return routes.define("Locations")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listLocations")
                            .summary("List locations (keyset paged by id; q matches any part of the address)")
                            .response(responseBuilder().responseCode("200").implementation(LocationPage.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("site")
                                    .description("Only locations at this site (exact, case-insensitive)")
                                    .implementation(String.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createLocation").summary("Create a location")
                            .requestBody(requestBodyBuilder().required(true).implementation(LocationRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(LocationView.class));
                    ApiRoutes.problem(op, "409", "A location with this address exists (CONFLICT)");
                })
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getLocation").summary("Get a location (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(LocationView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateLocation").summary("Replace a location's address (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(LocationRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(LocationView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate address (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateLocation").summary("Make a location selectable again")
                        .response(responseBuilder().responseCode("200").implementation(LocationView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateLocation").summary("Archive a location; history keeps referring to it")
                        .response(responseBuilder().responseCode("200").implementation(LocationView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteLocation").summary("Delete a location nothing refers to")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The location is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record LocationPage(List<LocationView> items, String nextCursor) {
    }
}
