package dev.terp.masterdata.strain;

import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import reactor.core.publisher.Mono;

import dev.terp.masterdata.strain.api.StrainMatches;
import dev.terp.masterdata.strain.api.StrainRequest;
import dev.terp.masterdata.strain.api.StrainView;
import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.web.ApiRoutes;
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
import static org.springdoc.core.fn.builders.parameter.Builder.parameterBuilder;
import static org.springdoc.core.fn.builders.schema.Builder.schemaBuilder;

@Tag(name = "Strains", description = "Strains with aliases and ranked search (master data)")
@Configuration(proxyBeanMethods = false)
class StrainRoutes {

    static final String PATH = "/api/v1/strains";

    @Bean
    RouterFunction<ServerResponse> strainRouter(ResourceRoutes routes, StrainService service) {
        return routes.define("Strains", "Strains", PATH, service.strains, StrainRequest.class, StrainView.class,
                        StrainPage.class)
                .list(MASTER_DATA_READ, "List strains (keyset paged; q searches name, standardized name and aliases)",
                        StrainRoutes::filter, op -> {
                            ApiRoutes.activeParameter(op);
                            op.parameter(parameterBuilder().in(ParameterIn.QUERY).name("category")
                                    .description("Only strains of this category").schema(schemaBuilder()
                                            .type("string").allowableValues(new String[] {"INDICA", "SATIVA", "HYBRID"})));
                        })
                // Declared before /{id}, which would otherwise take "search" for a malformed id.
                .with(more -> more.GET(PATH + "/search", MASTER_DATA_READ, request -> Mono
                        .fromSupplier(() -> Optional.ofNullable(Responses.searchText(request))
                                .orElseThrow(() -> ValidationException.of("q", "is required")))
                        .flatMap(service::search)
                        .flatMap(found -> Responses.ok(new StrainMatches(found.stream().map(StrainView::of).toList()))),
                        op -> op.operationId("searchStrains")
                                .summary("Find active strains by name, standardized name or alias; at most "
                                        + StrainService.SEARCH_LIMIT + ", exact and prefix matches first")
                                .parameter(parameterBuilder().in(ParameterIn.QUERY).name("q").required(true)
                                        .description("Text to find (case-insensitive, contains; 1-100 characters)")
                                        .implementation(String.class))
                                .response(responseBuilder().responseCode("200").implementation(StrainMatches.class))))
                .create(MASTER_DATA_WRITE)
                .items(PATH, MASTER_DATA_READ, MASTER_DATA_WRITE)
                .build();
    }

    private static Criteria filter(ServerRequest request) {
        Criteria criteria = ResourceRoutes.activeFilter(request);
        String q = Responses.searchText(request);
        if (q != null) {
            criteria = criteria.isEmpty() ? StrainService.matching(q) : criteria.and(StrainService.matching(q));
        }
        String category = request.queryParam("category").map(raw -> StrainCategory.parse(raw)
                        .filter(parsed -> parsed.name().equals(raw))
                        .orElseThrow(() -> ValidationException.of("category", "must be one of INDICA, SATIVA, HYBRID")))
                .map(Enum::name).orElse(null);
        if (category == null) {
            return criteria;
        }
        Criteria ofCategory = Criteria.where("category").is(category);
        return criteria.isEmpty() ? ofCategory : ofCategory.and(criteria);
    }

    /** The list response, for the OpenAPI document. */
    record StrainPage(List<StrainView> items, String nextCursor) {
    }
}
