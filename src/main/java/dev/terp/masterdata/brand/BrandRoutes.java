package dev.terp.masterdata.brand;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.brand.api.BrandRequest;
import dev.terp.platform.persistence.CountingUsageProbe;
import dev.terp.platform.persistence.UsageProbe;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ResourceRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;

@Tag(name = "Brands", description = "Brands, each of one vendor (master data)")
@Configuration(proxyBeanMethods = false)
class BrandRoutes {

    @Bean
    RouterFunction<ServerResponse> brandRouter(ResourceRoutes routes, BrandService service) {
        return routes.define("Brands", "Brands", "/api/v1/brands", service.brands, BrandRequest.class, Brand.class,
                        BrandPage.class)
                .standard(MASTER_DATA_READ, MASTER_DATA_WRITE, "List brands (keyset paged; q searches the name)",
                        request -> ResourceRoutes.withIdParam(ResourceRoutes.searchAndActive(request, "name"),
                                request, "vendorId", "vendor_id"), op -> {
                            ApiRoutes.activeParameter(op);
                            ResourceRoutes.idParameter(op, "vendorId", "Only brands of this vendor");
                        })
                .build();
    }

    /** Lets the vendor module refuse to delete a vendor that brands still name as their supplier. */
    @Bean
    UsageProbe brandsPerVendor(BrandService service) {
        return new CountingUsageProbe("vendors", "brands", id -> service.brands.countReferencing("vendor_id", id));
    }

    /** The list response, for the OpenAPI document. */
    record BrandPage(List<Brand> items, String nextCursor) {
    }
}
