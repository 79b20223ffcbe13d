package dev.terp.masterdata.category;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.category.api.SubcategoryRequest;
import dev.terp.masterdata.category.api.SubcategoryView;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.web.ExpectedVersion;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.Responses;

import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

@Component
class SubcategoryHandler {

    static final String PATH = "/api/v1/subcategories";
    /** The subcategories of the category {@code {id}}. */
    static final String OF_CATEGORY_PATH = CategoryHandler.PATH + "/{id}/subcategories";

    private final CategoryService categories;
    private final RequestBodies bodies;

    SubcategoryHandler(CategoryService categories, RequestBodies bodies) {
        this.categories = categories;
        this.bodies = bodies;
    }

    Mono<ServerResponse> listOfCategory(ServerRequest request) {
        return categories.listSubcategories(Responses.id(request), Responses.searchText(request),
                        Responses.booleanParam(request, "active"), PageRequest.from(request))
                .flatMap(page -> Responses.page(page.map(SubcategoryView::of)));
    }

    Mono<ServerResponse> createInCategory(ServerRequest request) {
        long categoryId = Responses.id(request);
        return bodies.valid(request, SubcategoryRequest.class)
                .flatMap(body -> categories.createSubcategory(categoryId, body.details()))
                .flatMap(subcategory -> Responses.created(PATH, subcategory.id(), subcategory.version(),
                        SubcategoryView.of(subcategory)));
    }

    Mono<ServerResponse> get(ServerRequest request) {
        return categories.getSubcategory(Responses.id(request))
                .flatMap(subcategory -> Responses.versioned(subcategory.version(), SubcategoryView.of(subcategory)));
    }

    Mono<ServerResponse> update(ServerRequest request) {
        long id = Responses.id(request);
        return bodies.valid(request, SubcategoryRequest.class)
                .flatMap(body -> categories.updateSubcategory(id, ExpectedVersion.of(request, body.version()),
                        body.details()))
                .flatMap(subcategory -> Responses.versioned(subcategory.version(), SubcategoryView.of(subcategory)));
    }

    Mono<ServerResponse> activate(ServerRequest request) {
        return categories.setSubcategoryActive(Responses.id(request), true)
                .flatMap(subcategory -> Responses.versioned(subcategory.version(), SubcategoryView.of(subcategory)));
    }

    Mono<ServerResponse> deactivate(ServerRequest request) {
        return categories.setSubcategoryActive(Responses.id(request), false)
                .flatMap(subcategory -> Responses.versioned(subcategory.version(), SubcategoryView.of(subcategory)));
    }

    Mono<ServerResponse> delete(ServerRequest request) {
        return categories.deleteSubcategory(Responses.id(request)).then(Responses.noContent());
    }
}
