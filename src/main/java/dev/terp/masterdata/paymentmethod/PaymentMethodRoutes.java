package dev.terp.masterdata.paymentmethod;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;

import dev.terp.masterdata.paymentmethod.api.PaymentMethodList;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodReorderRequest;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodRequest;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodView;
import dev.terp.masterdata.paymentmethod.api.SeedDefaultsView;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ApiRoutes.Cost;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.paymentmethod.PaymentMethodHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class PaymentMethodRoutes {

    @Bean
    RouterFunction<ServerResponse> paymentMethodRouter(ApiRoutes routes, PaymentMethodHandler handler) {
        return routes.define("Payment methods")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listPaymentMethods")
                            .summary("List payment methods (keyset paged, ordered by id so pages stay stable; sort "
                                    + "by sortOrder for display; q searches code and name)")
                            .response(responseBuilder().responseCode("200").implementation(PaymentMethodPage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createPaymentMethod").summary("Create a payment method")
                            .requestBody(requestBodyBuilder().required(true)
                                    .implementation(PaymentMethodRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(PaymentMethodView.class));
                    ApiRoutes.problem(op, "409", "A payment method with this code exists (CONFLICT)");
                })
                .POST(PATH + "/reorder", MASTER_DATA_WRITE, handler::reorder, op -> op
                        .operationId("reorderPaymentMethods")
                        .summary("Set sortOrder = index for the listed methods, all or nothing (unknown or repeated "
                                + "ids: 400, nothing changes)")
                        .requestBody(requestBodyBuilder().required(true)
                                .implementation(PaymentMethodReorderRequest.class))
                        .response(responseBuilder().responseCode("200").implementation(PaymentMethodList.class)))
                .POST(PATH + "/seed-defaults", MASTER_DATA_WRITE, Cost.EXPENSIVE, handler::seedDefaults, op -> op
                        .operationId("seedDefaultPaymentMethods")
                        .summary("Create whichever of CASH, CHECK, CREDIT_CARD, DEBIT_CARD, ACH, WIRE, PAYPAL, VENMO, "
                                + "ZELLE, OTHER are missing; idempotent and safe to call concurrently")
                        .response(responseBuilder().responseCode("200").implementation(SeedDefaultsView.class)))
                .GET(PATH + "/by-code/{code}", MASTER_DATA_READ, handler::getByCode, op -> op
                        .operationId("getPaymentMethodByCode")
                        .summary("Get a payment method by its code, case-insensitively (ETag carries the version)")
                        .parameter(parameterBuilder().in(ParameterIn.PATH).name("code").required(true)
                                .description("1-50 letters, digits or underscores").implementation(String.class))
                        .response(responseBuilder().responseCode("200").implementation(PaymentMethodView.class)))
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getPaymentMethod").summary("Get a payment method (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(PaymentMethodView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updatePaymentMethod")
                            .summary("Replace a payment method's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true)
                                    .implementation(PaymentMethodRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(PaymentMethodView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate code (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activatePaymentMethod").summary("Make a payment method selectable again")
                        .response(responseBuilder().responseCode("200").implementation(PaymentMethodView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivatePaymentMethod")
                        .summary("Archive a payment method; past payments keep referring to it")
                        .response(responseBuilder().responseCode("200").implementation(PaymentMethodView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deletePaymentMethod").summary("Delete a payment method nothing refers to")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The payment method is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record PaymentMethodPage(List<PaymentMethodView> items, String nextCursor) {
    }
}
