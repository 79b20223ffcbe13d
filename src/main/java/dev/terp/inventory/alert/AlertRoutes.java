package dev.terp.inventory.alert;

import java.util.List;

import dev.terp.inventory.alert.api.AlertSummaryView;
import dev.terp.inventory.alert.api.AlertView;
import dev.terp.inventory.alert.api.GenerateResult;
import dev.terp.inventory.alert.api.ResolveRequest;
import dev.terp.platform.web.ApiRoutes;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.alert.AlertHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

/** Inventory alerts (domain §4.17). Generate is a recalculation over every alertable batch: EXPENSIVE. */
@Tag(name = "Inventory alerts",
        description = "Low-stock, overstock, expiring and slow-moving alerts: generate, acknowledge, resolve")
@Configuration(proxyBeanMethods = false)
class AlertRoutes {

    @Bean
    RouterFunction<ServerResponse> inventoryAlertRouter(ApiRoutes routes, AlertHandler handler) {
        return routes.define("Inventory alerts")
                .POST(PATH + "/generate", INVENTORY_WRITE, ApiRoutes.Cost.EXPENSIVE, handler::generate, op -> op
                        .operationId("generateInventoryAlerts")
                        .summary("Evaluate LIVE/PHOTOGRAPHY_COMPLETE batches: open missing alerts, refresh open "
                                + "ones, auto-resolve those no longer true")
                        .description("LOW_STOCK, OVERSTOCK and EXPIRING as configured under "
                                + "terp.inventory.alerts.*; SLOW_MOVING (MEDIUM) for a batch with stock that has been "
                                + "in stock and without a SALE movement for slow-moving-days (default 90) days. "
                                + "threshold and currentValue are days for EXPIRING and SLOW_MOVING.")
                        .response(responseBuilder().responseCode("200").implementation(GenerateResult.class)))
                .GET(PATH, INVENTORY_READ, handler::list, op -> {
                    op.operationId("listInventoryAlerts")
                            .summary("Alerts, ascending id, filtered by status, type and batch")
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("status")
                                    .description("ACTIVE | ACKNOWLEDGED | RESOLVED").implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("type")
                                    .description("LOW_STOCK | OVERSTOCK | EXPIRING | SLOW_MOVING")
                                    .implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("batchId")
                                    .implementation(Long.class))
                            .response(responseBuilder().responseCode("200").implementation(AlertPage.class));
                    ApiRoutes.problem(op, "400", "Unknown status or type, bad batchId, limit or cursor "
                            + "(VALIDATION_FAILED)");
                })
                .GET(PATH + "/summary", INVENTORY_READ, handler::summary, op -> op
                        .operationId("summariseInventoryAlerts")
                        .summary("Open alerts counted by type and by severity, ACTIVE and ACKNOWLEDGED separately")
                        .description("Every type and severity is listed, with zeros where there are none; total is "
                                + "active + acknowledged. Resolved alerts are not counted.")
                        .response(responseBuilder().responseCode("200").implementation(AlertSummaryView.class)))
                .POST(PATH + "/{id}/acknowledge", INVENTORY_WRITE, handler::acknowledge, op -> {
                    op.operationId("acknowledgeInventoryAlert")
                            .summary("ACTIVE → ACKNOWLEDGED by the caller")
                            .response(responseBuilder().responseCode("200").implementation(AlertView.class));
                    ApiRoutes.problem(op, "404", "No such alert (NOT_FOUND)");
                    ApiRoutes.problem(op, "409", "The alert is not ACTIVE (INVALID_STATE_TRANSITION)");
                })
                .POST(PATH + "/{id}/resolve", INVENTORY_WRITE, handler::resolve, op -> {
                    op.operationId("resolveInventoryAlert")
                            .summary("ACTIVE or ACKNOWLEDGED → RESOLVED with a resolution")
                            .requestBody(requestBodyBuilder().required(true).implementation(ResolveRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(AlertView.class));
                    ApiRoutes.problem(op, "400", "Blank or long resolution (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "404", "No such alert (NOT_FOUND)");
                    ApiRoutes.problem(op, "409", "The alert is already RESOLVED (INVALID_STATE_TRANSITION)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record AlertPage(List<AlertView> items, String nextCursor) {
    }
}
