package dev.terp.masterdata.brand;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.brand.api.BrandView;
import dev.terp.masterdata.vendor.VendorService;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class BrandService {

    static final String RESOURCE = "Brand";

    private final BrandRepository brands;
    private final VendorService vendors;
    private final TransactionRunner tx;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    BrandService(BrandRepository brands, VendorService vendors, TransactionRunner tx, ReferenceGuard references,
            AuditTrail audit) {
        this.brands = brands;
        this.vendors = vendors;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Brand> get(long id) {
        return brands.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Brand>> list(String q, Long vendorId, Boolean active, PageRequest page) {
        return brands.list(q, vendorId, active, page).map(rows -> Page.of(rows, page, Brand::id));
    }

    public Mono<Brand> create(BrandDetails details) {
        return tx.inRetryingTransaction(() -> requireVendor(details.vendorId())
                        .then(brands.insert(details))
                        .flatMap(brands::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                BrandView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    /**
     * The brand with this name, created for {@code vendorId} (and audited) when there is none; an existing brand is
     * returned as it is, whichever vendor it is linked to. Race-safe like {@link VendorService#findOrCreate}. The
     * vendor is the caller's just-resolved one; the foreign key guards it.
     */
    public Mono<Brand> findOrCreate(String name, long vendorId) {
        return tx.inRetryingTransaction(() -> brands.findByName(name)
                .switchIfEmpty(Mono.defer(() -> brands.insert(new BrandDetails(name, vendorId, null))
                        .flatMap(brands::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                BrandView.of(created), null).thenReturn(created))
                        .onErrorResume(DuplicateKeyException.class,
                                concurrentlyCreated -> brands.findByNameCommitted(name)))));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Brand> update(long id, long expectedVersion, BrandDetails details) {
        return tx.inRetryingTransaction(() -> requireVendor(details.vendorId())
                        .then(lockExisting(id))
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(brands.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(brands.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", BrandView.of(before),
                                        BrandView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Brand> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> brands.setActive(id, active)
                        .then(brands.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                BrandView.of(before), BrandView.of(after), null).thenReturn(after))));
    }

    /** Deletes a brand no product uses; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("brands", RESOURCE, id)
                        .then(brands.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", BrandView.of(before), null, null))));
    }

    private Mono<Brand> lockExisting(long id) {
        return brands.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /**
     * The vendor is looked up through its module's service, not its table; a vendor deleted between this check and
     * the write is still caught by the foreign key.
     */
    private Mono<Void> requireVendor(Long vendorId) {
        if (vendorId == null) {
            return Mono.empty();
        }
        return vendors.get(vendorId)
                .onErrorMap(NotFoundException.class, missing -> ValidationException.of("vendorId",
                        "vendor " + vendorId + " does not exist"))
                .then();
    }

    private static ConflictException nameTaken(BrandDetails details) {
        return new ConflictException("A brand named '" + details.name() + "' already exists");
    }
}
