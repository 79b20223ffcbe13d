package dev.terp.masterdata.category;

import java.util.List;

import reactor.core.publisher.Mono;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.category.api.CategoryRequest;
import dev.terp.masterdata.category.api.CategoryView;
import dev.terp.masterdata.category.api.SubcategoryRequest;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.UsageProbe;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.RequestBodies;
import dev.terp.platform.web.ResourceRoutes;
import dev.terp.platform.web.Responses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Tag(name = "Categories", description = "Product categories (master data)")
@Tag(name = "Subcategories", description = "Subcategories of a product category (master data)")
@Configuration(proxyBeanMethods = false)
class CategoryRoutes {

    private static final String CATEGORIES = "/api/v1/categories";
    private static final String OF_CATEGORY = CATEGORIES + "/{id}/subcategories";
    private static final String SUBCATEGORIES = "/api/v1/subcategories";

    @Bean
    RouterFunction<ServerResponse> categoryRouter(ResourceRoutes routes, CategoryService service) {
        return routes.define("Categories", "Categories", CATEGORIES, service.categories, CategoryRequest.class,
                        CategoryView.class, CategoryPage.class)
                .listFiltered(MASTER_DATA_READ, "List categories, each with all its subcategories (keyset paged by "
                        + "id; q matches the category's or a subcategory's name)", request -> {
                            Criteria active = ResourceRoutes.activeFilter(request);
                            String q = Responses.searchText(request);
                            return q == null ? Mono.just(active) : service.search(Like.contains(q), active);
                        }, ApiRoutes::activeParameter)
                .create(MASTER_DATA_WRITE)
                .items(CATEGORIES, MASTER_DATA_READ, MASTER_DATA_WRITE)
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> subcategoryRouter(ResourceRoutes routes, CategoryService service,
            RequestBodies bodies) {
        return routes.define("Subcategories", "Subcategories", SUBCATEGORIES, service.subcategories,
                        SubcategoryRequest.class, Subcategory.class, SubcategoryPage.class)
                .with(more -> more.GET(OF_CATEGORY, MASTER_DATA_READ, request -> listOfCategory(service, request),
                        op -> {
                            op.operationId("listSubcategoriesOfCategory").summary("List the subcategories of "
                                            + "category {id} (keyset paged by id; q matches the name)")
                                    .response(responseBuilder().responseCode("200")
                                            .implementation(SubcategoryPage.class));
                            ApiRoutes.listParameters(op);
                            ApiRoutes.activeParameter(op);
                        })
                        .POST(OF_CATEGORY, MASTER_DATA_WRITE, request -> bodies.valid(request, SubcategoryRequest.class)
                                .flatMap(body -> service.createSubcategory(body.in(Responses.id(request))))
                                .flatMap(created -> Responses.created(SUBCATEGORIES, created.id(), created.version(),
                                        created)), op -> {
                                    op.operationId("createSubcategory").summary("Create a subcategory in category {id}")
                                            .requestBody(requestBodyBuilder().required(true)
                                                    .implementation(SubcategoryRequest.class))
                                            .response(responseBuilder().responseCode("201")
                                                    .implementation(Subcategory.class));
                                    ApiRoutes.problem(op, "409", "The category already has a subcategory with this "
                                            + "name, or already has " + CategoryService.MAX_SUBCATEGORIES
                                            + " subcategories, the most it can hold (CONFLICT)");
                                }))
                .items(SUBCATEGORIES, MASTER_DATA_READ, MASTER_DATA_WRITE)
                .build();
    }

    private static Mono<ServerResponse> listOfCategory(CategoryService service, ServerRequest request) {
        long categoryId = Responses.id(request);
        Criteria search = ResourceRoutes.searchAndActive(request, "name");
        Criteria ofCategory = Criteria.where("category_id").is(categoryId);
        Criteria filter = search.isEmpty() ? ofCategory : ofCategory.and(search);
        PageRequest page = PageRequest.from(request);
        return service.get(categoryId).then(service.subcategories.page(filter, page)).flatMap(Responses::page);
    }

    /** Lets a category refuse to be deleted while subcategories still belong to it. */
    @Bean
    UsageProbe subcategoriesPerCategory(CategoryService service) {
        return new CountingUsageProbe("categories", "subcategories",
                id -> service.subcategories.countReferencing("category_id", id));
    }

    /** The list responses, for the OpenAPI document. */
    record CategoryPage(List<CategoryView> items, String nextCursor) {
    }

    record SubcategoryPage(List<Subcategory> items, String nextCursor) {
    }
}
