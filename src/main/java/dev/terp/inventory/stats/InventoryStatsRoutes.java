package dev.terp.inventory.stats;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.inventory.stats.api.InventoryStatsView;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.Responses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;

/** {@code GET /api/v1/inventory/stats}: the inventory dashboard numbers. */
@Tag(name = "Inventory stats", description = "Stock totals and value by category and status")
@Configuration(proxyBeanMethods = false)
class InventoryStatsRoutes {

    static final String PATH = "/api/v1/inventory/stats";

    @Bean
    RouterFunction<ServerResponse> inventoryStatsRouter(ApiRoutes routes, InventoryStatsService stats) {
        return routes.define("Inventory stats")
                .GET(PATH, INVENTORY_READ, request -> stats.stats().flatMap(Responses::ok), op -> op
                        .operationId("inventoryStats")
                        .summary("Total units and value (RANGE batches at their midpoint), counts by status, "
                                + "units and value by category")
                        .response(responseBuilder().responseCode("200").implementation(InventoryStatsView.class)))
                .build();
    }
}
