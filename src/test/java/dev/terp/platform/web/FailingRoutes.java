package dev.terp.platform.web;

import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * A route that fails the way a bug would, with a message full of things a client must never see. Imported by
 * {@code @IntegrationTest} only; deliberately not a {@code @Configuration}, so the local run (which scans test
 * classes) never serves it.
 */
public class FailingRoutes {

    public static final String LEAKY_MESSAGE =
            "SQL [SELECT password_hash FROM users] failed on db-7.internal:3306 (com.example.Secret)";

    @Bean
    RouterFunction<ServerResponse> failingRoute() {
        return RouterFunctions.route(GET(TestPaths.FAILING), request -> {
            throw new IllegalStateException(LEAKY_MESSAGE);
        });
    }
}
