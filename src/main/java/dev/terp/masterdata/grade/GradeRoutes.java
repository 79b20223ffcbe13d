package dev.terp.masterdata.grade;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.grade.api.GradeList;
import dev.terp.masterdata.grade.api.GradeReorderRequest;
import dev.terp.masterdata.grade.api.GradeRequest;
import dev.terp.platform.web.ApiRoutes;
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
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Grades", description = "Quality grades, ordered (master data)")
@Configuration(proxyBeanMethods = false)
class GradeRoutes {

    static final String PATH = "/api/v1/grades";

    @Bean
    RouterFunction<ServerResponse> gradeRouter(ResourceRoutes routes, GradeService service, RequestBodies bodies) {
        return routes.define("Grades", "Grades", PATH, service.grades, GradeRequest.class, Grade.class,
                        GradePage.class)
                .list(MASTER_DATA_READ, "List grades (keyset paged, ordered by id; sort by sortOrder for display; q "
                                + "searches name and description)",
                        request -> ResourceRoutes.searchAndActive(request, "name", "description"),
                        ApiRoutes::activeParameter)
                .create(MASTER_DATA_WRITE)
                .with(more -> more.POST(PATH + "/reorder", MASTER_DATA_WRITE, request -> bodies
                        .valid(request, GradeReorderRequest.class)
                        .flatMap(body -> service.grades.reorder(body.orderedIds(), "sortOrder"))
                        .flatMap(reordered -> Responses.ok(new GradeList(reordered))), op -> op
                        .operationId("reorderGrades")
                        .summary("Set sortOrder = index for the listed grades, all or nothing (unknown or repeated "
                                + "ids: 400, nothing changes)")
                        .requestBody(requestBodyBuilder().required(true).implementation(GradeReorderRequest.class))
                        .response(responseBuilder().responseCode("200").implementation(GradeList.class))))
                .items(PATH, MASTER_DATA_READ, MASTER_DATA_WRITE)
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record GradePage(List<Grade> items, String nextCursor) {
    }
}
