package dev.terp.masterdata.product;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** Lets the category module refuse to delete a subcategory that products are filed under. */
@Component
class ProductsPerSubcategory implements UsageProbe {

    private final ProductRepository products;

    ProductsPerSubcategory(ProductRepository products) {
        this.products = products;
    }

    @Override
    public String referencedTable() {
        return "subcategories";
    }

    @Override
    public String usedBy() {
        return "products";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return products.countBySubcategory(id);
    }
}
