package dev.terp.masterdata.product;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.masterdata.product.api.ProductRequest;
import dev.terp.masterdata.product.api.ProductView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.product.ProductHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class ProductRoutes {

    @Bean
    RouterFunction<ServerResponse> productRouter(ApiRoutes routes, ProductHandler handler) {
        return routes.define("Products")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listProducts")
                            .summary("List products with the names of brand, strain, category and subcategory "
                                    + "(keyset paged; q searches the name, as typed or in canonical form)")
                            .response(responseBuilder().responseCode("200").implementation(ProductPage.class))
                            .parameter(idFilter("brandId", "Only products of this brand"))
                            .parameter(idFilter("categoryId", "Only products of this category"))
                            .parameter(idFilter("strainId", "Only products of this strain"));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createProduct")
                            .summary("Create a product; its name is stored in canonical form")
                            .requestBody(requestBodyBuilder().required(true).implementation(ProductRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(ProductView.class));
                    ApiRoutes.problem(op, "409", "The brand already has a product with this canonical name (CONFLICT)");
                })
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getProduct").summary("Get a product (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(ProductView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateProduct").summary("Replace a product's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(ProductRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(ProductView.class));
                    ApiRoutes.problem(op, "409",
                            "Stale version (VERSION_CONFLICT) or duplicate canonical name in the brand (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateProduct").summary("Make a product selectable again")
                        .response(responseBuilder().responseCode("200").implementation(ProductView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateProduct")
                        .summary("Archive a product; what refers to it keeps doing so")
                        .response(responseBuilder().responseCode("200").implementation(ProductView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteProduct").summary("Delete a product nothing refers to")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The product is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    private static org.springdoc.core.fn.builders.parameter.Builder idFilter(String name, String description) {
        return parameterBuilder().in(ParameterIn.QUERY).name(name).description(description)
                .implementation(Long.class);
    }

    /** The list response, for the OpenAPI document. */
    record ProductPage(List<ProductView> items, String nextCursor) {
    }
}
