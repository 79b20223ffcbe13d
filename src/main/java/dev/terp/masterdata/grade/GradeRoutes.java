package dev.terp.masterdata.grade;

import java.util.List;

import dev.terp.masterdata.grade.api.GradeList;
import dev.terp.masterdata.grade.api.GradeReorderRequest;
import dev.terp.masterdata.grade.api.GradeRequest;
import dev.terp.masterdata.grade.api.GradeView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.masterdata.grade.GradeHandler.PATH;
import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class GradeRoutes {

    @Bean
    RouterFunction<ServerResponse> gradeRouter(ApiRoutes routes, GradeHandler handler) {
        return routes.define("Grades")
                .GET(PATH, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listGrades")
                            .summary("List grades (keyset paged, ordered by id; sort by sortOrder for display; q "
                                    + "searches name and description)")
                            .response(responseBuilder().responseCode("200").implementation(GradePage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(PATH, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createGrade").summary("Create a grade")
                            .requestBody(requestBodyBuilder().required(true).implementation(GradeRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(GradeView.class));
                    ApiRoutes.problem(op, "409", "A grade with this name exists (CONFLICT)");
                })
                .POST(PATH + "/reorder", MASTER_DATA_WRITE, handler::reorder, op -> op
                        .operationId("reorderGrades")
                        .summary("Set sortOrder = index for the listed grades, all or nothing (unknown or repeated "
                                + "ids: 400, nothing changes)")
                        .requestBody(requestBodyBuilder().required(true).implementation(GradeReorderRequest.class))
                        .response(responseBuilder().responseCode("200").implementation(GradeList.class)))
                .GET(PATH + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getGrade").summary("Get a grade (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(GradeView.class)))
                .PUT(PATH + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateGrade").summary("Replace a grade's details (If-Match or version)")
                            .requestBody(requestBodyBuilder().required(true).implementation(GradeRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(GradeView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(PATH + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateGrade").summary("Make a grade selectable again")
                        .response(responseBuilder().responseCode("200").implementation(GradeView.class)))
                .POST(PATH + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateGrade").summary("Archive a grade; batches keep referring to it")
                        .response(responseBuilder().responseCode("200").implementation(GradeView.class)))
                .DELETE(PATH + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteGrade").summary("Delete a grade nothing refers to")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "The grade is in use (CONFLICT names what uses it)");
                })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record GradePage(List<GradeView> items, String nextCursor) {
    }
}
