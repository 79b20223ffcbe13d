package dev.terp.masterdata.product;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** Lets the strain module refuse to delete a strain that products name. */
@Component
class ProductsPerStrain implements UsageProbe {

    private final ProductRepository products;

    ProductsPerStrain(ProductRepository products) {
        this.products = products;
    }

    @Override
    public String referencedTable() {
        return "strains";
    }

    @Override
    public String usedBy() {
        return "products";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return products.countByStrain(id);
    }
}
