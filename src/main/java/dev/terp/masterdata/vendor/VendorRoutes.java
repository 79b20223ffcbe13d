package dev.terp.masterdata.vendor;

import java.util.List;

import io.swagger.v3.oas.annotations.tags.Tag;

import dev.terp.masterdata.vendor.api.VendorRequest;
import dev.terp.platform.web.ApiRoutes;
import dev.terp.platform.web.ResourceRoutes;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static dev.terp.platform.security.Permissions.MASTER_DATA_READ;
import static dev.terp.platform.security.Permissions.MASTER_DATA_WRITE;

@Tag(name = "Vendors", description = "Suppliers stock is received from (master data)")
@Configuration(proxyBeanMethods = false)
class VendorRoutes {

    @Bean
    RouterFunction<ServerResponse> vendorRouter(ResourceRoutes routes, VendorService service) {
        return routes.define("Vendors", "Vendors", "/api/v1/vendors", service.vendors, VendorRequest.class,
                        Vendor.class, VendorPage.class)
                .standard(MASTER_DATA_READ, MASTER_DATA_WRITE, "List vendors (keyset paged; q searches name and "
                                + "contact)", request -> ResourceRoutes.searchAndActive(request, "name",
                                "contact_name", "contact_email"), ApiRoutes::activeParameter)
                .build();
    }

    /** The list response, for the OpenAPI document. */
    record VendorPage(List<Vendor> items, String nextCursor) {
    }
}
