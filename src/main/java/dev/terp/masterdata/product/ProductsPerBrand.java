package dev.terp.masterdata.product;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** Lets the brand module refuse to delete a brand that products are sold under. */
@Component
class ProductsPerBrand implements UsageProbe {

    private final ProductRepository products;

    ProductsPerBrand(ProductRepository products) {
        this.products = products;
    }

    @Override
    public String referencedTable() {
        return "brands";
    }

    @Override
    public String usedBy() {
        return "products";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return products.countByBrand(id);
    }
}
