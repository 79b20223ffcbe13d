package dev.terp.masterdata.vendor;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.vendor.api.VendorView;
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
    private final AuditTrail audit;

    VendorService(VendorRepository vendors, TransactionRunner tx, ReferenceGuard references, AuditTrail audit) {
        this.vendors = vendors;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Vendor> get(long id) {
        return vendors.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Vendor>> list(String q, Boolean active, PageRequest page) {
        return vendors.list(q, active, page).map(rows -> Page.of(rows, page, Vendor::id));
    }

    public Mono<Vendor> create(VendorDetails details) {
        return tx.inRetryingTransaction(() -> vendors.insert(details)
                        .flatMap(vendors::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                VendorView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    /**
     * The vendor with this name, created (and audited) when there is none. Safe against a concurrent caller creating
     * the same vendor: the loser's INSERT hits the unique key, which on MySQL/MariaDB fails only that statement, not
     * the transaction, and the winner's row is then re-read with a current read (the snapshot would not show it).
     */
    public Mono<Vendor> findOrCreate(String name) {
        return tx.inRetryingTransaction(() -> vendors.findByName(name)
                .switchIfEmpty(Mono.defer(() -> vendors.insert(new VendorDetails(name, null, null, null, null))
                        .flatMap(vendors::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                VendorView.of(created), null).thenReturn(created))
                        .onErrorResume(DuplicateKeyException.class,
                                concurrentlyCreated -> vendors.findByNameCommitted(name)))));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Vendor> update(long id, long expectedVersion, VendorDetails details) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(vendors.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(vendors.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", VendorView.of(before),
                                        VendorView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Vendor> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> vendors.setActive(id, active)
                        .then(vendors.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                VendorView.of(before), VendorView.of(after), null).thenReturn(after))));
    }

    /** Deletes a vendor nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("vendors", RESOURCE, id)
                        .then(vendors.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", VendorView.of(before), null, null))));
    }

    private Mono<Vendor> lockExisting(long id) {
        return vendors.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private static ConflictException nameTaken(VendorDetails details) {
        return new ConflictException("A vendor named '" + details.name() + "' already exists");
    }
}
