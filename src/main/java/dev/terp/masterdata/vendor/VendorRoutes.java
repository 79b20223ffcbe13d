package dev.terp.masterdata.vendor;

import java.util.List;

import dev.terp.masterdata.vendor.api.VendorRequest;
import dev.terp.masterdata.vendor.api.VendorView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.vendor.VendorHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class VendorRoutes {

    @Bean
    RouterFunction<ServerResponse> vendorRouter(ApiRoutes routes, VendorHandler handler) {
        return routes.define("Vendors")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listVendors").summary("List vendors (keyset paged; q searches name and contact)")
                            .response(responseBuilder().responseCode("200").implementation(VendorPage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createVendor").summary("Create a vendor")
                            .requestBody(requestBodyBuilder().required(true).implementation(VendorRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(VendorView.class));
                    ApiRoutes.problem(op, "409", "A vendor with this name exists (CONFLICT)");
                })
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getVendor").summary("Get a vendor (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(VendorView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateVendor").summary("Replace a vendor's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(VendorRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(VendorView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateVendor").summary("Make a vendor selectable again")
                        .response(responseBuilder().responseCode("200").implementation(VendorView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateVendor").summary("Archive a vendor; history keeps referring to it")
                        .response(responseBuilder().responseCode("200").implementation(VendorView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteVendor").summary("Delete a vendor nothing refers to")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The vendor is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record VendorPage(List<VendorView> items, String nextCursor) {
    }
}
