package dev.terp.inventory.intakesession;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.fn.builders.operation.Builder;

import dev.terp.inventory.intakesession.api.IntakeReceiptView;
import dev.terp.inventory.intakesession.api.IntakeSessionLineRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionLineUpdate;
import dev.terp.inventory.intakesession.api.IntakeSessionRequest;
import dev.terp.inventory.intakesession.api.IntakeSessionSummary;
import dev.terp.inventory.intakesession.api.IntakeSessionView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.intakesession.IntakeSessionHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_READ;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Intake sessions",
        description = "Receiving several batches from one vendor: lines, totals, completion, receipt")
@Configuration(proxyBeanMethods = false)
class IntakeSessionRoutes {

    private static final String ONE = PATH + "/{id}";
    private static final String LINES = ONE + "/lines";
    private static final String LINE = LINES + "/{lineId}";
    private static final String NOT_IN_PROGRESS = "The session is not IN_PROGRESS (INVALID_STATE_TRANSITION)";

    @Bean
    RouterFunction<ServerResponse> intakeSessionRouter(ApiRoutes routes, IntakeSessionHandler handler) {
        return routes.define("Intake sessions")
                .GET(PATH, INVENTORY_READ, handler::list, op -> {
                    op.operationId("listIntakeSessions")
                            .summary("Intake sessions, ascending id, without their lines")
                            .response(responseBuilder().responseCode("200").implementation(SessionPage.class));
                    filterParameters(op);
                    ApiRoutes.problem(op, "400", "Bad vendorId, status, date, limit or cursor, or receivedTo before "
                            + "receivedFrom (VALIDATION_FAILED)");
                })
                .POST(PATH, INVENTORY_WRITE, handler::create, op -> {
                    op.operationId("createIntakeSession")
                            .summary("Open an intake session (IN_PROGRESS, number INTAKE-nnnnnn) for a vendor's "
                                    + "delivery; the caller is recorded as receivedBy")
                            .requestBody(requestBodyBuilder().required(true).implementation(IntakeSessionRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(IntakeSessionView.class)
                                    .description("The session; Location points at it, ETag is its version"));
                    ApiRoutes.problem(op, "400", "Invalid fields, unknown or archived vendor, paymentDueDate before "
                            + "receiveDate, unknown field (VALIDATION_FAILED, MALFORMED_REQUEST)");
                })
                .GET(ONE, INVENTORY_READ, handler::get, op -> op
                        .operationId("getIntakeSession")
                        .summary("One session with its lines, totals and balance; ETag is its version")
                        .response(responseBuilder().responseCode("200").implementation(IntakeSessionView.class)))
                .POST(LINES, INVENTORY_WRITE, handler::addLine, op -> {
                    op.operationId("addIntakeSessionLine")
                            .summary("Add an announced batch (batchId) or announce a new one (batch) to the session; "
                                    + "completion is its only receipt; the session total is recomputed. "
                                    + "A session holds at most " + IntakeSessionService.MAX_LINES + " lines: "
                                    + "completion receives every line in one transaction with a 10 s deadline")
                            .requestBody(requestBodyBuilder().required(true)
                                    .implementation(IntakeSessionLineRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(IntakeSessionView.class)
                                    .description("The whole session; Location names the new line"));
                    ApiRoutes.problem(op, "400", "Unknown batch, quantity not > 0 or over 4 decimals, negative cost "
                            + "or over 2 decimals, line or session total too large (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", NOT_IN_PROGRESS + "; the batch is not AWAITING_INTAKE or already "
                            + "in the session; the session already has " + IntakeSessionService.MAX_LINES
                            + " lines (CONFLICT); the batch already holds stock (BATCH_ALREADY_RECEIVED); it was "
                            + "bought from another vendor (VENDOR_MISMATCH)");
                })
                .PUT(LINE, INVENTORY_WRITE, handler::updateLine, op -> {
                    op.operationId("updateIntakeSessionLine")
                            .summary("Replace a line's quantity, unit cost and notes (absent notes are cleared); the "
                                    + "session total is recomputed. Send the session's version (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true)
                                    .implementation(IntakeSessionLineUpdate.class))
                            .response(responseBuilder().responseCode("200").implementation(IntakeSessionView.class));
                    lineIdParameter(op);
                    ApiRoutes.problem(op, "400", "Quantity not > 0 or over 4 decimals, negative cost or over 2 "
                            + "decimals, line or session total too large (VALIDATION_FAILED)");
                    ApiRoutes.problem(op, "409", NOT_IN_PROGRESS + "; stale version (VERSION_CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .DELETE(LINE, INVENTORY_WRITE, handler::removeLine, op -> {
                    op.operationId("removeIntakeSessionLine")
                            .summary("Remove a line; the session total is recomputed")
                            .response(responseBuilder().responseCode("204").description("Removed"));
                    lineIdParameter(op);
                    ApiRoutes.problem(op, "409", NOT_IN_PROGRESS);
                })
                .POST(ONE + "/complete", INVENTORY_WRITE, handler::complete, op -> {
                    op.operationId("completeIntakeSession")
                            .summary("In one transaction: add every line's quantity to its batch's on-hand (an "
                                    + "INTAKE movement referencing INTAKE_SESSION), move every batch AWAITING_INTAKE "
                                    + "-> LIVE and the session to COMPLETED; all or nothing")
                            .response(responseBuilder().responseCode("200").implementation(IntakeSessionView.class));
                    ApiRoutes.problem(op, "400", "A batch's on-hand would exceed the largest quantity a batch can "
                            + "hold (VALIDATION_FAILED on quantity); nothing is written");
                    ApiRoutes.problem(op, "409", "Not IN_PROGRESS (INVALID_STATE_TRANSITION); no lines, or a batch "
                            + "no longer AWAITING_INTAKE, named in errors[] (CONFLICT); a batch that gained stock "
                            + "another way (BATCH_ALREADY_RECEIVED); nothing is written");
                })
                .POST(ONE + "/cancel", INVENTORY_WRITE, handler::cancel, op -> {
                    op.operationId("cancelIntakeSession")
                            .summary("Cancel an IN_PROGRESS session; no stock changes")
                            .response(responseBuilder().responseCode("200").implementation(IntakeSessionView.class));
                    ApiRoutes.problem(op, "409", NOT_IN_PROGRESS);
                })
                .POST(ONE + "/receipt", INVENTORY_WRITE, handler::receipt, op -> {
                    op.operationId("generateIntakeReceipt")
                            .summary("The receipt of a COMPLETED session; the first call records generatedAt, later "
                                    + "calls answer the same receipt")
                            .response(responseBuilder().responseCode("200").implementation(IntakeReceiptView.class));
                    ApiRoutes.problem(op, "409", "The session is not COMPLETED (CONFLICT)");
                })
                .build();
    }

    private static void lineIdParameter(Builder op) {
        op.parameter(parameterBuilder().in(ParameterIn.PATH).name("lineId").required(true)
                .description("Positive integer id of a line of this session").implementation(Long.class));
    }

    private static void filterParameters(Builder op) {
        op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("vendorId").description("Only this vendor's")
                        .implementation(Long.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("status")
                        .description("IN_PROGRESS, COMPLETED or CANCELLED").implementation(String.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("receivedFrom")
                        .description("receiveDate on or after (YYYY-MM-DD)").implementation(String.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("receivedTo")
                        .description("receiveDate on or before (YYYY-MM-DD)").implementation(String.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                        .description("Page size, 1-200 (default 50)").implementation(Integer.class))
                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor")
                        .description("Opaque cursor from the previous page's nextCursor").implementation(String.class));
    }

    /** The list response, for the OpenAPI document. */
    record SessionPage(List<IntakeSessionSummary> items, String nextCursor) {
    }
}
