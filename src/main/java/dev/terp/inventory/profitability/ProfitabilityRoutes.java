package dev.terp.inventory.profitability;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.inventory.profitability.api.BatchProfitabilityView;
import dev.terp.inventory.profitability.api.ProfitabilityRankingView;
import dev.terp.inventory.profitability.api.ProfitabilitySummaryView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

/**
 * Batch profitability reports. They expose cost and margin, but every role that reads inventory already sees unit
 * COGS (batch and COGS reads are inventory:read), so they take the same permission.
 */
@Tag(name = "Inventory profitability", description = "Revenue, cost and profit per batch, rankings and totals")
@Configuration(proxyBeanMethods = false)
class ProfitabilityRoutes {

    static final String BATCH_PATH = "/api/v1/batches/{id}/profitability";
    static final String TOP_PATH = "/api/v1/inventory/profitability/top";
    static final String SUMMARY_PATH = "/api/v1/inventory/profitability/summary";

    @Bean
    RouterFunction<ServerResponse> profitabilityRouter(ApiRoutes routes, ProfitabilityHandler handler) {
        return routes.define("Inventory profitability")
                .GET(BATCH_PATH, INVENTORY_READ, handler::batch, op -> {
                    op.operationId("getBatchProfitability")
                            .summary("Revenue, cost, profit and margin of a batch's recorded sales, and the potential "
                                    + "of its remaining on-hand stock at the average realised price")
                            .response(responseBuilder().responseCode("200")
                                    .implementation(BatchProfitabilityView.class));
                    ApiRoutes.problem(op, "404", "No such batch (NOT_FOUND)");
                })
                .GET(TOP_PATH, INVENTORY_READ, handler::top, op -> {
                    op.operationId("listTopProfitableBatches")
                            .summary("Batches with sales, highest profit first (ties: lower batch id)")
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                                    .description("How many batches, 1-" + ProfitabilityHandler.MAX_LIMIT
                                            + " (default " + ProfitabilityHandler.DEFAULT_LIMIT + ")")
                                    .implementation(Integer.class))
                            .response(responseBuilder().responseCode("200")
                                    .implementation(ProfitabilityRankingView.class));
                    ApiRoutes.problem(op, "400", "limit is not an integer from 1 to " + ProfitabilityHandler.MAX_LIMIT
                            + " (VALIDATION_FAILED)");
                })
                .GET(SUMMARY_PATH, INVENTORY_READ, handler::summary, op -> op
                        .operationId("getProfitabilitySummary")
                        .summary("Revenue, cost, profit, margin and sold quantity over every recorded sale")
                        .response(responseBuilder().responseCode("200")
                                .implementation(ProfitabilitySummaryView.class)))
                .build();
    }
}
