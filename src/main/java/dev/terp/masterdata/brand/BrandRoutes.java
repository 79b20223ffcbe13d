package dev.terp.masterdata.brand;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.masterdata.brand.api.BrandRequest;
import dev.terp.masterdata.brand.api.BrandView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.brand.BrandHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class BrandRoutes {

    @Bean
    RouterFunction<ServerResponse> brandRouter(ApiRoutes routes, BrandHandler handler) {
        return routes.define("Brands")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listBrands").summary("List brands (keyset paged; q searches the name)")
                            .response(responseBuilder().responseCode("200").implementation(BrandPage.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("vendorId")
                                    .description("Only brands of this vendor").implementation(Long.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createBrand").summary("Create a brand, optionally tied to an existing vendor")
                            .requestBody(requestBodyBuilder().required(true).implementation(BrandRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(BrandView.class));
                    ApiRoutes.problem(op, "409", "A brand with this name exists (CONFLICT)");
                })
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getBrand").summary("Get a brand (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(BrandView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateBrand").summary("Replace a brand's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(BrandRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BrandView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateBrand").summary("Make a brand selectable again")
                        .response(responseBuilder().responseCode("200").implementation(BrandView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateBrand").summary("Archive a brand; its products keep referring to it")
                        .response(responseBuilder().responseCode("200").implementation(BrandView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteBrand").summary("Delete a brand no product uses")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The brand is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record BrandPage(List<BrandView> items, String nextCursor) {
    }
}
