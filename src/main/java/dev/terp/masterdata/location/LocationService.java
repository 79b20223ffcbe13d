package dev.terp.masterdata.location;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.location.api.LocationView;
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
public class LocationService {

    static final String RESOURCE = "Location";

    private final LocationRepository locations;
    private final TransactionRunner tx;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    LocationService(LocationRepository locations, TransactionRunner tx, ReferenceGuard references,
            AuditTrail audit) {
        this.locations = locations;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Location> get(long id) {
        return locations.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Location>> list(String q, String site, Boolean active, PageRequest page) {
        return locations.list(q, site, active, page).map(rows -> Page.of(rows, page, Location::id));
    }

    public Mono<Location> create(LocationAddress address, BigDecimal capacity) {
        return tx.inRetryingTransaction(() -> locations.insert(address, capacity)
                        .flatMap(locations::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                LocationView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> addressTaken(address));
    }

    /**
     * The location at this address, created (and audited, with unlimited capacity) when there is none. Race-safe like
     * {@code VendorService.findOrCreate}.
     */
    public Mono<Location> findOrCreate(LocationAddress address) {
        return tx.inRetryingTransaction(() -> locations.findByAddress(address)
                .switchIfEmpty(Mono.defer(() -> locations.insert(address, null)
                        .flatMap(locations::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                LocationView.of(created), null).thenReturn(created))
                        .onErrorResume(DuplicateKeyException.class,
                                concurrentlyCreated -> locations.findByAddressCommitted(address)))));
    }

    /**
     * The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. A
     * capacity below what the location holds is accepted: it only refuses further additions (see V27).
     */
    public Mono<Location> update(long id, long expectedVersion, LocationAddress address, BigDecimal capacity) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(locations.update(id, expectedVersion, address, capacity),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(locations.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", LocationView.of(before),
                                        LocationView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> addressTaken(address));
    }

    public Mono<Location> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> locations.setActive(id, active)
                        .then(locations.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                LocationView.of(before), LocationView.of(after), null).thenReturn(after))));
    }

    /** Deletes a location nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("locations", RESOURCE, id)
                        .then(locations.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", LocationView.of(before), null, null))));
    }

    private Mono<Location> lockExisting(long id) {
        return locations.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    private static ConflictException addressTaken(LocationAddress address) {
        return new ConflictException("A location at " + address.describe() + " already exists");
    }
}
