package dev.terp.masterdata.category;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.category.api.CategoryRequest;
import dev.terp.masterdata.category.api.CategoryView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class CategoryHandler {

    static final String PATH = "/api/v1/categories";

    private final CategoryService categories;
    private final RequestBodies bodies;

    CategoryHandler(CategoryService categories, RequestBodies bodies) {
        this.categories = categories;
        this.bodies = bodies;
    }

    Mono<ServerResponse> list(ServerRequest request) {
        return categories.list(Responses.searchText(request), Responses.booleanParam(request, "active"),
                        PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(CategoryView::of)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return categories.getTree(Responses.id(request))
                .flatMap(tree -> Responses.versioned(tree.category().version(), CategoryView.of(tree)));
    }

    Mono<ServerResponse> create(ServerRequest request) {
        return bodies.valid(request, CategoryRequest.class)
                .flatMap(body -> categories.create(body.details()))
                .flatMap(tree -> Responses.created(PATH, tree.category().id(), tree.category().version(),
                        CategoryView.of(tree)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, CategoryRequest.class)
                .flatMap(body -> categories.update(id, ExpectedVersion.of(request, body.version()), body.details()))
                .flatMap(tree -> Responses.versioned(tree.category().version(), CategoryView.of(tree)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return categories.setActive(Responses.id(request), true)
                .flatMap(tree -> Responses.versioned(tree.category().version(), CategoryView.of(tree)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return categories.setActive(Responses.id(request), false)
                .flatMap(tree -> Responses.versioned(tree.category().version(), CategoryView.of(tree)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return categories.delete(Responses.id(request)).then(Responses.noContent());
    }
}
