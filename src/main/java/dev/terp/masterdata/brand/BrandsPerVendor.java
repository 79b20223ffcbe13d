package dev.terp.masterdata.brand;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** Lets the vendor module refuse to delete a vendor that brands still name as their supplier. */
@Component
class BrandsPerVendor implements UsageProbe {

    private final BrandRepository brands;

    BrandsPerVendor(BrandRepository brands) {
        this.brands = brands;
    }

    @Override
    public String referencedTable() {
        return "vendors";
    }

    @Override
    public String usedBy() {
        return "brands";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return brands.countByVendor(id);
    }
}
