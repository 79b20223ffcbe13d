package dev.terp.inventory.view;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.inventory.view.api.InventoryViewRequest;
import dev.terp.inventory.view.api.InventoryViewResponse;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.view.InventoryViewHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.SAVED_VIEWS_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

/**
 * Saved views are personal: anyone who may read inventory may list them; saving and deleting one's own is a write,
 * which VIEWER never does (api-conventions §4), so those need {@code views:write}; ownership guards delete.
 */
@Tag(name = "Inventory views", description = "Saved batch-list filters, private or shared")
@Configuration(proxyBeanMethods = false)
class InventoryViewRoutes {

    @Bean
    RouterFunction<ServerResponse> inventoryViewRouter(ApiRoutes routes, InventoryViewHandler handler) {
        return routes.define("Inventory views")
                .GET(PATH, INVENTORY_READ, handler::list, op -> op
                        .operationId("listInventoryViews")
                        .summary("The caller's saved views and everyone's shared ones")
                        .response(responseBuilder().responseCode("200").implementation(ViewPage.class)))
                .POST(PATH, SAVED_VIEWS_WRITE, handler::create, op -> {
                    op.operationId("createInventoryView")
                            .summary("Save a batch-list filter as the caller's view (the owner is always the caller)")
                            .requestBody(requestBodyBuilder().required(true).implementation(InventoryViewRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(InventoryViewResponse.class));
                    ApiRoutes.problem(op, "400", "Blank or long name, unknown filter key or bad filter value "
                            + "(VALIDATION_FAILED)");
                })
                .DELETE(PATH + "/{id}", SAVED_VIEWS_WRITE, handler::delete, op -> {
                    op.operationId("deleteInventoryView")
                            .summary("Delete one of the caller's own views")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "404", "No such view, or it belongs to someone else, even if shared "
                            + "(NOT_FOUND)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record ViewPage(List<InventoryViewResponse> items, String nextCursor) {
    }
}
