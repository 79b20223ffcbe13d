package dev.terp.inventory.batch;

import java.util.List;
import java.util.function.Consumer;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.fn.builders.operation.Builder;

import dev.terp.inventory.batch.api.AdjustmentRequest;
import dev.terp.inventory.batch.api.AvailabilityView;
import dev.terp.inventory.batch.api.BatchDetailsRequest;
import dev.terp.inventory.batch.api.BatchLocationsView;
import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.batch.api.BulkStatusRequest;
import dev.terp.inventory.batch.api.BulkStatusResult;
import dev.terp.inventory.batch.api.MovementSummaryView;
import dev.terp.inventory.batch.api.MovementView;
import dev.terp.inventory.batch.api.QuantityRequest;
import dev.terp.inventory.batch.api.ReservationRequest;
import dev.terp.inventory.batch.api.ReservationView;
import dev.terp.inventory.batch.api.ReverseRequest;
import dev.terp.inventory.batch.api.SampleFlagsRequest;
import dev.terp.inventory.batch.api.StatusChangeRequest;
import dev.terp.inventory.batch.api.TransferRequest;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.batch.BatchHandler.MOVEMENTS_PATH;
import static dev.terp.inventory.batch.BatchHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Inventory",
        description = "Batches and their stock: intake, status, adjustments, transfers, reservations, movements, COGS")
@Configuration(proxyBeanMethods = false)
class BatchRoutes {

    private static final String STOCK_PROBLEMS = "Not enough stock (INSUFFICIENT_INVENTORY), the batch is CLOSED "
            + "(CONFLICT), a reservation of a batch that is not on sale (BATCH_NOT_SELLABLE) or expired "
            + "(BATCH_EXPIRED), a release of more than the holder holds (RESERVATION_NOT_HELD), a stale count "
            + "(VERSION_CONFLICT), or an increase the receiving location has no room for (LOCATION_CAPACITY_EXCEEDED)";

    @Bean
    RouterFunction<ServerResponse> batchRouter(ApiRoutes routes, BatchHandler handler) {
        return routes.define("Inventory")
                .GET(PATH, INVENTORY_READ, handler::list, op -> {
                    op.operationId("listBatches").summary("List batches (keyset paged; q searches batch code, SKU, "
                                    + "product, brand and vendor name)")
                            .response(responseBuilder().responseCode("200").implementation(BatchPage.class));
                    ApiRoutes.listParameters(op);
                    op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("status")
                                    .description("Only batches in this status").implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("productId")
                                    .description("Only batches of this product").implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("vendorId")
                                    .description("Only batches whose lot came from this vendor")
                                    .implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("gradeId")
                                    .description("Only batches of this grade").implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("categoryId")
                                    .description("Only batches whose product is in this category")
                                    .implementation(Long.class));
                    ApiRoutes.problem(op, "400", "A filter is not a valid status or positive id (VALIDATION_FAILED)");
                })
                .POST(PATH + "/bulk-status", INVENTORY_WRITE, handler::changeStatuses, op -> {
                    op.operationId("changeBatchStatuses")
                            .summary("Move up to 200 batches to one status, all or nothing")
                            .requestBody(requestBodyBuilder().required(true).implementation(BulkStatusRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BulkStatusResult.class));
                    ApiRoutes.problem(op, "400", "Empty or over-long list, null/repeated/unknown ids, each named as "
                            + "batchIds[i] (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", "Some transition not allowed, or closing a batch with stock; each "
                            + "named as batchIds[i], nothing changed (INVALID_STATE_TRANSITION)");
                })
                .GET(PATH + "/{id}", INVENTORY_READ, handler::get, op -> op
                        .operationId("getBatch").summary("Get a batch with its quantities (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(BatchView.class)))
                .POST(PATH + "/{id}/status", INVENTORY_WRITE, handler::changeStatus, op -> {
                    op.operationId("changeBatchStatus")
                            .summary("Move a batch through its lifecycle; the same status is a no-op")
                            .requestBody(requestBodyBuilder().required(true).implementation(StatusChangeRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BatchView.class));
                    ApiRoutes.problem(op, "409", "Transition not allowed (INVALID_STATE_TRANSITION), or closing a "
                            + "batch that still has stock (CONFLICT)");
                })
                .POST(PATH + "/{id}/adjustments", INVENTORY_WRITE, handler::adjust,
                        stockChange("adjustBatch", "Correct on-hand: ABSOLUTE sets it, RELATIVE adds a signed amount",
                                AdjustmentRequest.class))
                .POST(PATH + "/{id}/quarantine", INVENTORY_WRITE, handler::quarantine,
                        stockChange("quarantineBatchStock", "Move available stock into quarantine",
                                QuantityRequest.class))
                .POST(PATH + "/{id}/release-quarantine", INVENTORY_WRITE, handler::releaseQuarantine,
                        stockChange("releaseBatchQuarantine", "Return quarantined stock to available",
                                QuantityRequest.class))
                .POST(PATH + "/{id}/hold", INVENTORY_WRITE, handler::hold,
                        stockChange("holdBatchStock", "Put available stock on hold", QuantityRequest.class))
                .POST(PATH + "/{id}/release-hold", INVENTORY_WRITE, handler::releaseHold,
                        stockChange("releaseBatchHold", "Return held stock to available", QuantityRequest.class))
                .POST(PATH + "/{id}/disposals", INVENTORY_WRITE, handler::dispose,
                        stockChange("disposeBatchStock", "Destroy available stock (reason required)",
                                QuantityRequest.class))
                .POST(PATH + "/{id}/transfers", INVENTORY_WRITE, handler::transfer, op -> {
                    op.operationId("transferBatchStock")
                            .summary("Move on-hand units between two locations of the batch; on-hand is unchanged")
                            .requestBody(requestBodyBuilder().required(true).implementation(TransferRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BatchLocationsView.class));
                    ApiRoutes.problem(op, "400", "Same source and destination, unknown location or bad quantity "
                            + "(VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", "The source location holds less than the quantity "
                            + "(INSUFFICIENT_INVENTORY), the destination has no room for it "
                            + "(LOCATION_CAPACITY_EXCEEDED), or the batch is CLOSED (CONFLICT)");
                })
                .GET(PATH + "/{id}/availability", INVENTORY_READ, handler::availability, op -> {
                    op.operationId("checkBatchAvailability")
                            .summary("Whether a quantity could be reserved now, and if not, what a reservation would "
                                    + "answer (the same checks, without reserving)")
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("quantity").required(true)
                                    .description("> 0, at most 4 decimals").implementation(String.class))
                            .response(responseBuilder().responseCode("200").implementation(AvailabilityView.class));
                    ApiRoutes.problem(op, "400", "Missing or bad quantity (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "404", "No such batch (NOT_FOUND)");
                })
                .GET(PATH + "/{id}/movement-summary", INVENTORY_READ, handler::movementSummary, op -> {
                    op.operationId("summariseBatchMovements")
                            .summary("On-hand now and the total ON_HAND change per movement type (intake, sales, "
                                    + "returns, adjustments, disposals, samples ...)")
                            .description("Transfers between locations leave on-hand unchanged and are not listed.")
                            .response(responseBuilder().responseCode("200").implementation(MovementSummaryView.class));
                    ApiRoutes.problem(op, "404", "No such batch (NOT_FOUND)");
                })
                .GET(PATH + "/{id}/locations", INVENTORY_READ, handler::locations, op -> {
                    op.operationId("listBatchLocations")
                            .summary("Per-location quantities of a batch (they add up to on-hand once it is placed), "
                                    + "keyset paged by location id")
                            .response(responseBuilder().responseCode("200").implementation(BatchLocationPage.class));
                    ApiRoutes.pageParameters(op);
                })
                .POST(PATH + "/{id}/samples", INVENTORY_WRITE, handler::moveToSamples,
                        stockChange("moveBatchStockToSamples",
                                "Move available on-hand units into the sample pool (not part of on-hand)",
                                QuantityRequest.class))
                .POST(PATH + "/{id}/samples/return", INVENTORY_WRITE, handler::returnFromSamples,
                        stockChange("returnBatchSamples", "Move units from the sample pool back on hand",
                                QuantityRequest.class))
                .PUT(PATH + "/{id}/sample-flags", INVENTORY_WRITE, handler::changeSampleFlags, op -> {
                    op.operationId("changeBatchSampleFlags")
                            .summary("Set sampleOnly / sampleAvailable (optimistic: version or If-Match)")
                            .requestBody(requestBodyBuilder().required(true).implementation(SampleFlagsRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BatchView.class));
                    ApiRoutes.problem(op, "409", "The batch changed since the given version (VERSION_CONFLICT)");
                    ApiRoutes.problem(op, "428", "Neither version nor If-Match sent (PRECONDITION_REQUIRED)");
                })
                .PUT(PATH + "/{id}/details", INVENTORY_WRITE, handler::changeDetails, op -> {
                    op.operationId("changeBatchDetails")
                            .summary("Correct grade and expiration date (replaces both; optimistic: version or "
                                    + "If-Match)")
                            .requestBody(requestBodyBuilder().required(true).implementation(BatchDetailsRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(BatchView.class));
                    ApiRoutes.problem(op, "400", "Unknown grade (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", "The batch changed since the given version (VERSION_CONFLICT)");
                    ApiRoutes.problem(op, "428", "Neither version nor If-Match sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/reservations", INVENTORY_WRITE, handler::reserve,
                        stockChange("reserveBatchStock", "Reserve available stock of a LIVE batch for a MANUAL "
                                + "holder (audited)", ReservationRequest.class))
                .GET(PATH + "/{id}/reservations", INVENTORY_READ, handler::listReservations, op -> {
                    op.operationId("listBatchReservations")
                            .summary("Who holds what of the batch: one row per holder, keyset paged in the order "
                                    + "they first reserved; all pages add up to reservedQty")
                            .response(responseBuilder().responseCode("200").implementation(BatchReservationPage.class));
                    ApiRoutes.pageParameters(op);
                })
                .POST(PATH + "/{id}/reservations/release", INVENTORY_WRITE, handler::releaseReservation,
                        stockChange("releaseBatchReservation", "Release stock a MANUAL or LEGACY holder holds",
                                ReservationRequest.class))
                .GET(MOVEMENTS_PATH, INVENTORY_READ, handler::movements, op -> {
                    op.operationId("listInventoryMovements")
                            .summary("Movement history of a batch, or of one reference, newest first")
                            .description("Filter by batchId, or by referenceType + referenceId (what caused the "
                                    + "movements, e.g. an order; across all its batches): exactly one of the two. An "
                                    + "unknown batch is a 404; a reference without movements is an empty page.")
                            .response(responseBuilder().responseCode("200").implementation(MovementPage.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("batchId")
                                    .description("The batch; required unless referenceType and referenceId are given")
                                    .implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("referenceType")
                                    .description("What caused the movements, as recorded on them (e.g. Order, "
                                            + "InventoryMovement); at most 50 characters; needs referenceId")
                                    .implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("referenceId")
                                    .description("Its id; needs referenceType").implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                                    .description("Page size, 1-200 (default 50)").implementation(Integer.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor")
                                    .description("Opaque cursor from the previous page's nextCursor")
                                    .implementation(String.class));
                    ApiRoutes.problem(op, "400", "Neither or both of batchId and referenceType+referenceId, one "
                            + "half of the reference, a non-positive id, bad limit or cursor (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "404", "No batch has this batchId (NOT_FOUND)");
                })
                .GET(MOVEMENTS_PATH + "/{id}", INVENTORY_READ, handler::movement, op -> op
                        .operationId("getInventoryMovement").summary("Get one movement")
                        .response(responseBuilder().responseCode("200").implementation(MovementView.class)))
                .POST(MOVEMENTS_PATH + "/{id}/reverse", INVENTORY_WRITE, handler::reverse, op -> {
                    op.operationId("reverseInventoryMovement")
                            .summary("Apply the opposite change as an ADJUSTMENT that references the movement")
                            .requestBody(requestBodyBuilder().required(true).implementation(ReverseRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(MovementView.class));
                    ApiRoutes.problem(op, "409", "Already reversed (CONFLICT), or the reversal would leave too "
                            + "little stock (INSUFFICIENT_INVENTORY)");
                })
                .build();
    }

    private static Consumer<Builder> stockChange(String operationId, String summary, Class<?> body) {
        return op -> {
            op.operationId(operationId).summary(summary)
                    .requestBody(requestBodyBuilder().required(true).implementation(body))
                    .response(responseBuilder().responseCode("200").implementation(BatchView.class));
            ApiRoutes.problem(op, "409", STOCK_PROBLEMS);
        };
    }

    /** The list responses, for the OpenAPI document. */
    record BatchPage(List<BatchView> items, String nextCursor) {
    }

    record MovementPage(List<MovementView> items, String nextCursor) {
    }

    record BatchLocationPage(List<BatchLocationsView.Item> items, String nextCursor) {
    }

    record BatchReservationPage(List<ReservationView> items, String nextCursor) {
    }
}
