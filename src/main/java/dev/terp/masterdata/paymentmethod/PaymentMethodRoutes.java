package dev.terp.masterdata.paymentmethod;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import dev.terp.masterdata.paymentmethod.api.PaymentMethodList;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodReorderRequest;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodRequest;
import dev.terp.masterdata.paymentmethod.api.SeedDefaultsView;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ApiRoutes.Cost;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.ResourceRoutes;
import dev.terp.platform.web.Responses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Payment methods", description = "How clients pay: master data, ordered for pickers")
@Configuration(proxyBeanMethods = false)
class PaymentMethodRoutes {

    static final String PATH = "/api/v1/payment-methods";

    @Bean
    RouterFunction<ServerResponse> paymentMethodRouter(ResourceRoutes routes, PaymentMethodService service,
            RequestBodies bodies) {
        return routes.define("Payment methods", "PaymentMethods", PATH, service.methods, PaymentMethodRequest.class,
                        PaymentMethod.class, PaymentMethodPage.class)
                .list(MASTER_DATA_READ, "List payment methods (keyset paged, ordered by id so pages stay stable; sort "
                                + "by sortOrder for display; q searches code and name)",
                        request -> ResourceRoutes.searchAndActive(request, "code", "name"), ApiRoutes::activeParameter)
                .create(MASTER_DATA_WRITE)
                .with(more -> more.POST(PATH + "/reorder", MASTER_DATA_WRITE, request -> bodies
                                .valid(request, PaymentMethodReorderRequest.class)
                                .flatMap(body -> service.methods.reorder(body.orderedIds(), "sortOrder"))
                                .flatMap(reordered -> Responses.ok(new PaymentMethodList(reordered))), op -> op
                                .operationId("reorderPaymentMethods")
                                .summary("Set sortOrder = index for the listed methods, all or nothing (unknown or "
                                        + "repeated ids: 400, nothing changes)")
                                .requestBody(requestBodyBuilder().required(true)
                                        .implementation(PaymentMethodReorderRequest.class))
                                .response(responseBuilder().responseCode("200").implementation(PaymentMethodList.class)))
                        .POST(PATH + "/seed-defaults", MASTER_DATA_WRITE, Cost.EXPENSIVE, request -> service
                                .seedDefaults()
                                .flatMap(seeded -> Responses.ok(new SeedDefaultsView(seeded.created(),
                                        seeded.defaults()))), op -> op
                                .operationId("seedDefaultPaymentMethods")
                                .summary("Create whichever of CASH, CHECK, CREDIT_CARD, DEBIT_CARD, ACH, WIRE, PAYPAL, "
                                        + "VENMO, ZELLE, OTHER are missing; idempotent and safe to call concurrently")
                                .response(responseBuilder().responseCode("200").implementation(SeedDefaultsView.class)))
                        .GET(PATH + "/by-code/{code}", MASTER_DATA_READ, request -> Mono
                                .fromSupplier(() -> PaymentMethodCodes.parse(request.pathVariable("code"), "code"))
                                .flatMap(service::getByCode)
                                .flatMap(method -> Responses.versioned(method.version(), method)), op -> op
                                .operationId("getPaymentMethodByCode")
                                .summary("Get a payment method by its code, case-insensitively (ETag carries the "
                                        + "version)")
                                .parameter(parameterBuilder().in(ParameterIn.PATH).name("code").required(true)
                                        .description("1-50 letters, digits or underscores").implementation(String.class))
                                .response(responseBuilder().responseCode("200").implementation(PaymentMethod.class))))
                .items(PATH, MASTER_DATA_READ, MASTER_DATA_WRITE)
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record PaymentMethodPage(List<PaymentMethod> items, String nextCursor) {
    }
}
