package dev.terp.platform.jobs;

import java.util.List;

import dev.terp.platform.jobs.api.JobView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.ADMIN_OPERATIONS;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Jobs started by admin operations (202 Accepted → Location here) and by schedules: progress, outcome, errors. */
@Tag(name = "Jobs", description = "Background jobs (backups, alert generation): status, progress and outcome")
@Configuration(proxyBeanMethods = false)
class JobRoutes {

    static final String PATH = "/api/v1/admin/jobs";

    @Bean
    RouterFunction<ServerResponse> jobRouter(ApiRoutes routes, JobHandler handler) {
        return routes.define("Jobs")
                .GET(PATH, ADMIN_OPERATIONS, handler::list, op -> op.operationId("listJobs")
                        .summary("Jobs, oldest first")
                        .parameter(parameterBuilder().in(ParameterIn.QUERY).name("limit").implementation(Integer.class))
                        .parameter(parameterBuilder().in(ParameterIn.QUERY).name("cursor").implementation(String.class))
                        .response(responseBuilder().responseCode("200").implementation(JobPage.class)))
                .GET(PATH + "/{id}", ADMIN_OPERATIONS, handler::get, op -> op.operationId("getJob")
                        .summary("One job: status, progress (done/total), outcome or error")
                        .response(responseBuilder().responseCode("200").implementation(JobView.class)))
                .build();
    }

    record JobPage(List<JobView> items, String nextCursor) {
    }
}
