package dev.terp.inventory.cogs;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.inventory.cogs.api.CogsHistoryView;
import dev.terp.inventory.cogs.api.CogsImpactRequest;
import dev.terp.inventory.cogs.api.CogsImpactView;
import dev.terp.inventory.cogs.api.CogsUpdateRequest;
import dev.terp.inventory.cogs.api.CogsView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.cogs.CogsHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class CogsRoutes {

    @Bean
    RouterFunction<ServerResponse> cogsRouter(ApiRoutes routes, CogsHandler handler) {
        return routes.define("Inventory")
                .GET(PATH, INVENTORY_READ, handler::get, op -> op
                        .operationId("getBatchCogs")
                        .summary("COGS settings of a batch and its unit cost basis (ETag carries the batch version)")
                        .response(responseBuilder().responseCode("200").implementation(CogsView.class)))
                .POST(PATH + "/impact", INVENTORY_READ, handler::impact, op -> {
                    op.operationId("previewBatchCogsImpact")
                            .summary("Preview the profit impact of a COGS change on past sales (writes nothing): "
                                    + "quantitySold is the batch's recorded sales, profitImpact minus the corrections "
                                    + "a retroactive change would write")
                            .requestBody(requestBodyBuilder().required(true).implementation(CogsImpactRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(CogsImpactView.class));
                    ApiRoutes.problem(op, "400", "Fields of the other COGS mode, inverted range, negative money or "
                            + "more than 2 decimals (VALIDATION_FAILED)");
                })
                .PUT(PATH, INVENTORY_WRITE, handler::update, op -> {
                    op.operationId("changeBatchCogs")
                            .summary("Change a batch's COGS (optimistic: version or If-Match); writes cogs history "
                                    + "and an audit row; PAST_SALES/BOTH write a correction per recorded sale whose "
                                    + "cost changes (recorded sales keep their cost)")
                            .requestBody(requestBodyBuilder().required(true).implementation(CogsUpdateRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(CogsView.class));
                    ApiRoutes.problem(op, "400", "Fields of the other COGS mode, inverted range, negative money or "
                            + "more than 2 decimals (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", "The batch changed since the given version (VERSION_CONFLICT)");
                    ApiRoutes.problem(op, "428", "Neither version nor If-Match sent (PRECONDITION_REQUIRED)");
                })
                .GET(PATH + "/history", INVENTORY_READ, handler::history, op -> {
                    op.operationId("listBatchCogsHistory").summary("COGS changes of a batch, newest first")
                            .response(responseBuilder().responseCode("200").implementation(CogsHistoryPage.class));
                    op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                                    .description("Page size, 1-200 (default 50)").implementation(Integer.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor")
                                    .description("Opaque cursor from the previous page's nextCursor")
                                    .implementation(String.class));
                })
                .build();
    }

    /** The history list response, for the OpenAPI document. */
    record CogsHistoryPage(List<CogsHistoryView> items, String nextCursor) {
    }
}
