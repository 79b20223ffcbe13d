package dev.terp.masterdata.tag;

import java.util.List;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import dev.terp.masterdata.tag.api.TagRequest;
import dev.terp.platform.persistence.SimpleTables;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ResourceRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;

/** Tags: a simple resource and nothing else, so nothing but its routes (docs/ARCHITECTURE.md, "Adding a resource"). */
@io.swagger.v3.oas.annotations.tags.Tag(name = "Tags", description = "Free tags for products and batches (master data)")
@Configuration(proxyBeanMethods = false)
class TagRoutes {

    @Bean
    RouterFunction<ServerResponse> tagRouter(ResourceRoutes routes, SimpleTables tables) {
        return routes.define("Tags", "Tags", "/api/v1/tags", tables.of(Tag.class, "Tag",
                                tag -> "A tag named '" + tag.name() + "' already exists"), TagRequest.class, Tag.class,
                        TagPage.class)
                .standard(MASTER_DATA_READ, MASTER_DATA_WRITE, "List tags (keyset paged; q searches name and "
                        + "description; category exact)", request -> {
                            Criteria criteria = ResourceRoutes.searchAndActive(request, "name", "description");
                            String category = request.queryParam("category").map(String::trim).orElse("");
                            Criteria ofCategory = Criteria.where("category").is(category);
                            return category.isEmpty() ? criteria
                                    : criteria.isEmpty() ? ofCategory : ofCategory.and(criteria);
                        }, op -> {
                            ApiRoutes.activeParameter(op);
                            op.parameter(parameterBuilder().in(ParameterIn.QUERY)
                                    .name("category").description("Only tags of this category")
                                    .implementation(String.class));
                        })
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record TagPage(List<Tag> items, String nextCursor) {
    }
}
