package dev.terp.masterdata.location;

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
public class LocationService {

    static final String RESOURCE = "Location";

    private final LocationRepository locations;
    private final TransactionRunner tx;
    private final ReferenceGuard references;

    LocationService(LocationRepository locations, TransactionRunner tx, ReferenceGuard references) {
        this.locations = locations;
        this.tx = tx;
        this.references = references;
    }

    public Mono<Location> get(long id) {
        return locations.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Location>> list(String q, String site, Boolean active, PageRequest page) {
        return locations.list(q, site, active, page).map(rows -> Page.of(rows, page, Location::id));
    }

    public Mono<Location> create(LocationAddress address) {
        return tx.inRetryingTransaction(() -> locations.insert(address).flatMap(locations::findById))
                .onErrorMap(DuplicateKeyException.class, duplicate -> addressTaken(address));
    }

    public Mono<Location> update(long id, long expectedVersion, LocationAddress address) {
        return tx.inRetryingTransaction(() -> OptimisticLocking
                        .requireUpdated(locations.update(id, expectedVersion, address), () -> locations.exists(id),
                                RESOURCE, id)
                        .then(locations.findById(id)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> addressTaken(address));
    }

    public Mono<Location> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> locations.setActive(id, active)
                .filter(rows -> rows > 0)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .then(locations.findById(id)));
    }

    /** Deletes a location nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> locations.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)))
                .flatMap(location -> references.requireUnused("locations", RESOURCE, id))
                .then(locations.delete(id))
                .then());
    }

    private static ConflictException addressTaken(LocationAddress address) {
        return new ConflictException("A location at " + address.describe() + " already exists");
    }
}
