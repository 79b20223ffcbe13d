package dev.terp.masterdata.product;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** Lets the category module refuse to delete a category that products are filed under. */
@Component
class ProductsPerCategory implements UsageProbe {

    private final ProductRepository products;

    ProductsPerCategory(ProductRepository products) {
        this.products = products;
    }

    @Override
    public String referencedTable() {
        return "categories";
    }

    @Override
    public String usedBy() {
        return "products";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return products.countByCategory(id);
    }
}
