package dev.terp.audit;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.audit.api.AuditEntryView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.AUDIT_READ;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

@Tag(name = "Audit trail",
        description = "The append-only record of every change: who, when, from where, before and after")
@Configuration(proxyBeanMethods = false)
class AuditRoutes {

    static final String PATH = "/api/v1/audit-logs";

    @Bean
    RouterFunction<ServerResponse> auditRouter(ApiRoutes routes, AuditHandler handler) {
        return routes.define("Audit trail")
                .GET(PATH, AUDIT_READ, handler::search, op -> {
                    op.operationId("listAuditLogs").summary("The append-only audit trail, newest first")
                            .response(responseBuilder().responseCode("200").implementation(AuditPage.class));
                    op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("entity")
                                    .description("Singular PascalCase resource name: Vendor, Batch, User, ...")
                                    .implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("entityId")
                                    .implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("actorId")
                                    .implementation(Long.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("from")
                                    .description("Inclusive ISO-8601 UTC timestamp").implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("to")
                                    .description("Exclusive ISO-8601 UTC timestamp").implementation(String.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit")
                                    .implementation(Integer.class))
                            .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor")
                                    .implementation(String.class));
                })
                .build();
    }

    record AuditPage(List<AuditEntryView> items, String nextCursor) {
    }
}
