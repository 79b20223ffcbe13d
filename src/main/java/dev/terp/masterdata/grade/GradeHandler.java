package dev.terp.masterdata.grade;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.grade.api.GradeList;
import dev.terp.masterdata.grade.api.GradeReorderRequest;
import dev.terp.masterdata.grade.api.GradeRequest;
import dev.terp.masterdata.grade.api.GradeView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class GradeHandler {

    static final String PATH = "/api/v1/grades";

    private final GradeService grades;
    private final RequestBodies bodies;

    GradeHandler(GradeService grades, RequestBodies bodies) {
        this.grades = grades;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return grades.list(Responses.searchText(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(GradeView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return grades.get(Responses.id(request))
                .flatMap(grade -> Responses.versioned(grade.version(), GradeView.of(grade)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, GradeRequest.class)
                .flatMap(body -> grades.create(body.details()))
                .flatMap(grade -> Responses.created(PATH, grade.id(), grade.version(), GradeView.of(grade)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, GradeRequest.class)
                .flatMap(body -> grades.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(grade -> Responses.versioned(grade.version(), GradeView.of(grade)));
    }

    Mono<ServerResponse> reorder(ServerRequest request) {
        return bodies.valid(request, GradeReorderRequest.class)
                .flatMap(body -> grades.reorder(body.orderedIds()))
                .flatMap(reordered -> Responses.ok(new GradeList(reordered.stream().map(GradeView::of).toList())));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return grades.setActive(Responses.id(request), true)
                .flatMap(grade -> Responses.versioned(grade.version(), GradeView.of(grade)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return grades.setActive(Responses.id(request), false)
                .flatMap(grade -> Responses.versioned(grade.version(), GradeView.of(grade)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return grades.delete(Responses.id(request)).then(Responses.noContent());
    }
}
