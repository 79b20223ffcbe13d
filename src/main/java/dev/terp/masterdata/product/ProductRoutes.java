package dev.terp.masterdata.product;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.product.api.ProductRequest;
import dev.terp.masterdata.product.api.ProductView;
import dev.terp.masterdata.product.domain.ProductNames;
import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.Like;
import dev.terp.platform.persistence.UsageProbe;
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

@Tag(name = "Products", description = "Products: a brand's item in a category (master data)")
@Configuration(proxyBeanMethods = false)
class ProductRoutes {

    @Bean
    RouterFunction<ServerResponse> productRouter(ResourceRoutes routes, ProductService service) {
        return routes.define("Products", "Products", "/api/v1/products", service.products, ProductRequest.class,
                        ProductView.class, ProductPage.class)
                .standard(MASTER_DATA_READ, MASTER_DATA_WRITE, "List products with the names of brand, strain, "
                        + "category and subcategory (keyset paged; q searches the name, as typed or in canonical "
                        + "form)", ProductRoutes::filter, op -> {
                            ApiRoutes.activeParameter(op);
                            ResourceRoutes.idParameter(op, "brandId", "Only products of this brand");
                            ResourceRoutes.idParameter(op, "categoryId", "Only products of this category");
                            ResourceRoutes.idParameter(op, "strainId", "Only products of this strain");
                        })
                .build();
    }

    /** q matches the canonical name as typed or in canonical form, so "o'brien" finds "Obrien". */
    private static Criteria filter(ServerRequest request) {
        Criteria criteria = ResourceRoutes.activeFilter(request);
        String q = Responses.searchText(request);
        if (q != null) {
            String canonical = ProductNames.canonical(q);
            Criteria byName = Criteria.where("name_canonical").like(Like.contains(q));
            Criteria named = canonical.isEmpty() ? byName
                    : byName.or("name_canonical").like(Like.contains(canonical));
            criteria = criteria.isEmpty() ? Criteria.empty().and(named) : criteria.and(named);
        }
        for (String id : List.of("brandId", "categoryId", "strainId")) {
            criteria = ResourceRoutes.withIdParam(criteria, request, id,
                    id.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase());
        }
        return criteria;
    }

    /** Lets strains, categories, subcategories and brands refuse to be deleted while products refer to them. */
    @Bean
    UsageProbe productsPerStrain(ProductService service) {
        return new CountingUsageProbe("strains", "products", id -> service.products.countReferencing("strain_id", id));
    }

    @Bean
    UsageProbe productsPerCategory(ProductService service) {
        return new CountingUsageProbe("categories", "products",
                id -> service.products.countReferencing("category_id", id));
    }

    @Bean
    UsageProbe productsPerSubcategory(ProductService service) {
        return new CountingUsageProbe("subcategories", "products",
                id -> service.products.countReferencing("subcategory_id", id));
    }

    @Bean
    UsageProbe productsPerBrand(ProductService service) {
        return new CountingUsageProbe("brands", "products", id -> service.products.countReferencing("brand_id", id));
    }

    /** The list response, for the OpenAPI document. */
    record ProductPage(List<ProductView> items, String nextCursor) {
    }
}
