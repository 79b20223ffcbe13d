package dev.terp.masterdata.brand;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.vendor.VendorService;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.stereotype.Service;

@Service
public class BrandService {

    final SimpleTable<Brand> brands;

    BrandService(SimpleTables tables, VendorService vendors) {
        this.brands = tables.of(Brand.class, "Brand", brand -> "A brand named '" + brand.name() + "' already exists")
                .checkedBy(brand -> requireVendor(vendors, brand.vendorId()));
    }

    public Mono<Brand> get(long id) {
        return brands.get(id);
    }

    /** The names of the brands with these ids, by id: one query for a whole list page. */
    public Mono<Map<Long, String>> namesOf(Collection<Long> ids) {
        return brands.byIds(ids).map(found -> found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().name())));
    }

    /**
     * The brand with this name, created for {@code vendorId} (and audited) when there is none; an existing brand is
     * returned as it is, whichever vendor it is linked to.
     */
    public Mono<Brand> findOrCreate(String name, long vendorId) {
        return brands.findOrCreate(Map.of("name", name), () -> Brand.of(name, vendorId, null));
    }

    /**
     * The vendor is looked up through its module's service, not its table; a vendor deleted between this check and
     * the write is still caught by the foreign key.
     */
    private static Mono<Void> requireVendor(VendorService vendors, Long vendorId) {
        return vendorId == null ? Mono.empty() : vendors.get(vendorId)
                .onErrorMap(NotFoundException.class, missing -> ValidationException.of("vendorId",
                        "vendor " + vendorId + " does not exist"))
                .then();
    }
}
