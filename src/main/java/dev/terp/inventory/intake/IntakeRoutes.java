package dev.terp.inventory.intake;

import dev.terp.inventory.batch.api.BatchView;
import dev.terp.inventory.intake.api.IntakeRequest;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.inventory.intake.IntakeHandler.PATH;
import static dev.terp.platform.security.Permissions.INVENTORY_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class IntakeRoutes {

    @Bean
    RouterFunction<ServerResponse> intakeRouter(ApiRoutes routes, IntakeHandler handler) {
        return routes.define("Inventory")
                .POST(PATH, INVENTORY_WRITE, handler::receive, op -> {
                    op.operationId("receiveInventory")
                            .summary("Receive a batch: finds or creates vendor, brand, product and location, then "
                                    + "creates the lot, the batch (AWAITING_INTAKE), its location row and its "
                                    + "INTAKE movement in one transaction")
                            .requestBody(requestBodyBuilder().required(true).implementation(IntakeRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(BatchView.class)
                                    .description("The created batch; Location points at /api/v1/batches/{id}"));
                    ApiRoutes.problem(op, "400", "Invalid fields, or an unknown category, subcategory, grade or "
                            + "strain (VALIDATION_FAILED, every field at once)");
                    ApiRoutes.problem(op, "409", "The location has no room for the quantity "
                            + "(LOCATION_CAPACITY_EXCEEDED); nothing is written");
                })
                .build();
    }
}
