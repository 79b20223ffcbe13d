package dev.terp.masterdata.strain;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.masterdata.strain.api.StrainMatches;
import dev.terp.masterdata.strain.api.StrainRequest;
import dev.terp.masterdata.strain.api.StrainView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.strain.StrainHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;

@Configuration(proxyBeanMethods = false)
class StrainRoutes {

    @Bean
    RouterFunction<ServerResponse> strainRouter(ApiRoutes routes, StrainHandler handler) {
        return routes.define("Strains")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listStrains")
                            .summary("List strains (keyset paged; q searches name, standardized name and aliases)")
                            .response(responseBuilder().responseCode("200").implementation(StrainPage.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("category")
                                    .description("Only strains of this category")
                                    .schema(schemaBuilder().type("string")
                                            .allowableValues(new String[] {"INDICA", "SATIVA", "HYBRID"})));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                // Declared before /{id}, which would otherwise take "search" for a malformed id.
                .GET(PATH + "/search", MASTER_DATA_READ, handler::search, op -> op
                        .operationId("searchStrains")
                        .summary("Find active strains by name, standardized name or alias; at most "
                                + StrainService.SEARCH_LIMIT + ", exact and prefix matches first")
                        .parameter(parameterBuilder().in(ParameterIn.QUERY).name("q").required(true)
                                .description("Text to find (case-insensitive, contains; 1-100 characters)")
                                .implementation(String.class))
                        .response(responseBuilder().responseCode("200").implementation(StrainMatches.class)))
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createStrain").summary("Create a strain")
                            .requestBody(requestBodyBuilder().required(true).implementation(StrainRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(StrainView.class));
                    ApiRoutes.problem(op, "409", "A strain with the same standardized name exists (CONFLICT)");
                })
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getStrain").summary("Get a strain (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(StrainView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateStrain").summary("Replace a strain's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(StrainRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(StrainView.class));
                    ApiRoutes.problem(op, "409",
                            "Stale version (VERSION_CONFLICT) or duplicate standardized name (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateStrain").summary("Make a strain selectable again")
                        .response(responseBuilder().responseCode("200").implementation(StrainView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateStrain")
                        .summary("Archive a strain; products keep referring to it, search no longer offers it")
                        .response(responseBuilder().responseCode("200").implementation(StrainView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteStrain").summary("Delete a strain no product uses")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The strain is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record StrainPage(List<StrainView> items, String nextCursor) {
    }
}
