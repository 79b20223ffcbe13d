package dev.terp.masterdata.vendor;

import reactor.core.publisher.Mono;

import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class VendorService {

    static final String RESOURCE = "Vendor";

    private final VendorRepository vendors;
    private final TransactionRunner tx;
    private final ReferenceGuard references;

    VendorService(VendorRepository vendors, TransactionRunner tx, ReferenceGuard references) {
        this.vendors = vendors;
        this.tx = tx;
        this.references = references;
    }

    public Mono<Vendor> get(long id) {
        return vendors.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Vendor>> list(String q, Boolean active, PageRequest page) {
        return vendors.list(q, active, page).map(rows -> Page.of(rows, page, Vendor::id));
    }

    public Mono<Vendor> create(VendorDetails details) {
        return tx.inRetryingTransaction(() -> vendors.insert(details).flatMap(vendors::findById))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Vendor> update(long id, long expectedVersion, VendorDetails details) {
        return tx.inRetryingTransaction(() -> OptimisticLocking
                        .requireUpdated(vendors.update(id, expectedVersion, details), () -> vendors.exists(id),
                                RESOURCE, id)
                        .then(vendors.findById(id)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Vendor> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> vendors.setActive(id, active)
                .filter(rows -> rows > 0)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .then(vendors.findById(id)));
    }

    /** Deletes a vendor nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> vendors.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .flatMap(vendor -> references.requireUnused("vendors", RESOURCE, id))
                .then(vendors.delete(id))
                .then());
    }

    private static ConflictException nameTaken(VendorDetails details) {
        return new ConflictException("A vendor named '" + details.name() + "' already exists");
    }
}
