package dev.terp.masterdata.vendor;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.stereotype.Service;

/** Vendors: the master-data template, a simple table and nothing else of its own. */
@Service
public class VendorService {

    final SimpleTable<Vendor> vendors;

    VendorService(SimpleTables tables) {
        this.vendors = tables.of(Vendor.class, "Vendor",
                vendor -> "A vendor named '" + vendor.name() + "' already exists");
    }

    public Mono<Vendor> get(long id) {
        return vendors.get(id);
    }

    /** The vendor with this name (the unique key ignores case), created and audited when there is none. */
    public Mono<Vendor> findOrCreate(String name) {
        return vendors.findOrCreate(Map.of("name", name), () -> Vendor.named(name));
    }
}
