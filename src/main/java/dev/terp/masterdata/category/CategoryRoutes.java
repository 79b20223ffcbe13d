package dev.terp.masterdata.category;

import java.util.List;

import dev.terp.masterdata.category.api.CategoryRequest;
import dev.terp.masterdata.category.api.CategoryView;
import dev.terp.masterdata.category.api.SubcategoryRequest;
import dev.terp.masterdata.category.api.SubcategoryView;
import dev.terp.platform.web.ApiRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.apiresponse.Builder.responseBuilder;
import static org.springdoc.core.fn.builders.requestbody.Builder.requestBodyBuilder;

@Configuration(proxyBeanMethods = false)
class CategoryRoutes {

    private static final String CATEGORIES = CategoryHandler.PATH;
    private static final String SUBCATEGORIES = SubcategoryHandler.PATH;

    @Bean
    RouterFunction<ServerResponse> categoryRouter(ApiRoutes routes, CategoryHandler handler) {
        return routes.define("Categories")
                .GET(CATEGORIES, MASTER_DATA_READ, handler::list, op -> {
                    op.operationId("listCategories")
                            .summary("List categories, each with all its subcategories (keyset paged by id; q "
                                    + "matches the category's or a subcategory's name)")
                            .response(responseBuilder().responseCode("200").implementation(CategoryPage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(CATEGORIES, MASTER_DATA_WRITE, handler::create, op -> {
                    op.operationId("createCategory").summary("Create a category")
                            .requestBody(requestBodyBuilder().required(true).implementation(CategoryRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(CategoryView.class));
                    ApiRoutes.problem(op, "409", "A category with this name exists (CONFLICT)");
                })
                .GET(CATEGORIES + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getCategory").summary("Get a category with its subcategories (ETag carries "
                                + "the version)")
                        .response(responseBuilder().responseCode("200").implementation(CategoryView.class)))
                .PUT(CATEGORIES + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateCategory")
                            .summary("Replace a category's details (If-Match or version); products refer to it by "
                                    + "id, so a rename shows on every product at once")
                            .requestBody(requestBodyBuilder().required(true).implementation(CategoryRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(CategoryView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(CATEGORIES + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateCategory").summary("Make a category selectable again")
                        .response(responseBuilder().responseCode("200").implementation(CategoryView.class)))
                .POST(CATEGORIES + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateCategory")
                        .summary("Archive a category; products keep referring to it, its subcategories keep their "
                                + "own flags")
                        .response(responseBuilder().responseCode("200").implementation(CategoryView.class)))
                .DELETE(CATEGORIES + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteCategory").summary("Delete a category without subcategories or products")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409",
                            "The category has subcategories or products (CONFLICT names them); deactivate it instead");
                })
                .build();
    }

    @Bean
    RouterFunction<ServerResponse> subcategoryRouter(ApiRoutes routes, SubcategoryHandler handler) {
        return routes.define("Subcategories")
                .GET(SubcategoryHandler.OF_CATEGORY_PATH, MASTER_DATA_READ, handler::listOfCategory, op -> {
                    op.operationId("listSubcategoriesOfCategory")
                            .summary("List the subcategories of category {id} (keyset paged by id; q matches the "
                                    + "name)")
                            .response(responseBuilder().responseCode("200").implementation(SubcategoryPage.class));
                    ApiRoutes.listParameters(op);
                    ApiRoutes.activeParameter(op);
                })
                .POST(SubcategoryHandler.OF_CATEGORY_PATH, MASTER_DATA_WRITE, handler::createInCategory, op -> {
                    op.operationId("createSubcategory").summary("Create a subcategory in category {id}")
                            .requestBody(requestBodyBuilder().required(true).implementation(SubcategoryRequest.class))
                            .response(responseBuilder().responseCode("201").implementation(SubcategoryView.class));
                    ApiRoutes.problem(op, "409", "The category already has a subcategory with this name (CONFLICT)");
                })
                .GET(SUBCATEGORIES + "/{id}", MASTER_DATA_READ, handler::get, op -> op
                        .operationId("getSubcategory").summary("Get a subcategory (ETag carries the version)")
                        .response(responseBuilder().responseCode("200").implementation(SubcategoryView.class)))
                .PUT(SUBCATEGORIES + "/{id}", MASTER_DATA_WRITE, handler::update, op -> {
                    op.operationId("updateSubcategory")
                            .summary("Replace a subcategory's name and description (If-Match or version); its "
                                    + "category never changes")
                            .requestBody(requestBodyBuilder().required(true).implementation(SubcategoryRequest.class))
                            .response(responseBuilder().responseCode("200").implementation(SubcategoryView.class));
                    ApiRoutes.problem(op, "409", "Stale version (VERSION_CONFLICT) or duplicate name in the "
                            + "category (CONFLICT)");
                    ApiRoutes.problem(op, "428", "No version sent (PRECONDITION_REQUIRED)");
                })
                .POST(SUBCATEGORIES + "/{id}/activate", MASTER_DATA_WRITE, handler::activate, op -> op
                        .operationId("activateSubcategory").summary("Make a subcategory selectable again")
                        .response(responseBuilder().responseCode("200").implementation(SubcategoryView.class)))
                .POST(SUBCATEGORIES + "/{id}/deactivate", MASTER_DATA_WRITE, handler::deactivate, op -> op
                        .operationId("deactivateSubcategory")
                        .summary("Archive a subcategory; products keep referring to it")
                        .response(responseBuilder().responseCode("200").implementation(SubcategoryView.class)))
                .DELETE(SUBCATEGORIES + "/{id}", MASTER_DATA_WRITE, handler::delete, op -> {
                    op.operationId("deleteSubcategory").summary("Delete a subcategory no product uses")
                            .response(responseBuilder().responseCode("204").description("Deleted"));
                    ApiRoutes.problem(op, "409", "Products use the subcategory (CONFLICT names them); deactivate it "
                            + "instead");
                })
                .build();
    }

    /** The list responses, for the OpenAPI document. */
    record CategoryPage(List<CategoryView> items, String nextCursor) {
    }

    record SubcategoryPage(List<SubcategoryView> items, String nextCursor) {
    }
}
