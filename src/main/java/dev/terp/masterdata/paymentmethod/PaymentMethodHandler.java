package dev.terp.masterdata.paymentmethod;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.paymentmethod.api.PaymentMethodList;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodReorderRequest;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodRequest;
import dev.terp.masterdata.paymentmethod.api.PaymentMethodView;
import dev.terp.masterdata.paymentmethod.api.SeedDefaultsView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class PaymentMethodHandler {

    static final String PATH = "/api/v1/payment-methods";

    private final PaymentMethodService methods;
    private final RequestBodies bodies;

    PaymentMethodHandler(PaymentMethodService methods, RequestBodies bodies) {
        this.methods = methods;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return methods.list(Responses.searchText(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(PaymentMethodView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return methods.get(Responses.id(request))
                .flatMap(method -> Responses.versioned(method.version(), PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> getByCode(ServerRequest request) {
        return Mono.fromSupplier(() -> PaymentMethodCodes.parse(request.pathVariable("code"), "code"))
                .flatMap(methods::getByCode)
                .flatMap(method -> Responses.versioned(method.version(), PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, PaymentMethodRequest.class)
                .flatMap(body -> methods.create(body.details()))
                .flatMap(method -> Responses.created(PATH, method.id(), method.version(),
                        PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, PaymentMethodRequest.class)
                .flatMap(body -> methods.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(method -> Responses.versioned(method.version(), PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> reorder(ServerRequest request) {
        return bodies.valid(request, PaymentMethodReorderRequest.class)
                .flatMap(body -> methods.reorder(body.orderedIds()))
                .flatMap(reordered -> Responses.ok(
                        new PaymentMethodList(reordered.stream().map(PaymentMethodView::of).toList())));
    }

    Mono<ServerResponse> seedDefaults(ServerRequest request) {
        return methods.seedDefaults()
                .flatMap(result -> Responses.ok(new SeedDefaultsView(result.created(),
                        result.defaults().stream().map(PaymentMethodView::of).toList())));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return methods.setActive(Responses.id(request), true)
                .flatMap(method -> Responses.versioned(method.version(), PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return methods.setActive(Responses.id(request), false)
                .flatMap(method -> Responses.versioned(method.version(), PaymentMethodView.of(method)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return methods.delete(Responses.id(request)).then(Responses.noContent());
    }
}
