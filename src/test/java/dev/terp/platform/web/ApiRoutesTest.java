package dev.terp.platform.web;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.terp.platform.security.AccessGate;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ApiRoutesTest {

    @Test
    void aHandlerThatCompletesEmptyIsAServerErrorNotAnEmptySuccess() {
        AccessGate allowEveryone = mock(AccessGate.class);
        when(allowEveryone.check(any(ServerRequest.class), anyString(), anyBoolean())).thenReturn(Mono.empty());
        RouterFunction<ServerResponse> router = new ApiRoutes(allowEveryone).define("Test")
                .GET("/api/v1/nothing", "inventory:read", request -> Mono.empty(), op -> op.operationId("nothing"))
                .build();
        ServerRequest request = ServerRequest.create(
                MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/nothing")),
                HandlerStrategies.withDefaults().messageReaders());

        StepVerifier.create(router.route(request).flatMap(handler -> handler.handle(request)))
                .expectErrorSatisfies(failure -> assertThat(failure)
                        .isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("GET /api/v1/nothing completed without a response"))
                .verify();
    }
}
