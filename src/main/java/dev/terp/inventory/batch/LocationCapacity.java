package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.LocationFull;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Refuses additions beyond a location's capacity (semantics: {@code LocationStock.Occupancy}) with 409
 * LOCATION_CAPACITY_EXCEEDED, and owns the lock order that makes the check safe: batch rows, then capacity-limited
 * location rows (ascending, {@link #lockLimitedLocations}), then batch_locations rows. Unlimited locations are never
 * locked. A row that is new at the location is inserted (empty) BEFORE {@link #requireRoom}: the sum's locking read
 * also locks the index gaps around the location's rows, and two transactions inserting into gaps the other's sum
 * holds would deadlock.
 */
@Component
public class LocationCapacity {

    private final BatchLocationRepository locations;

    LocationCapacity(BatchLocationRepository locations) {
        this.locations = locations;
    }

    /**
     * Locks, in ascending id, every capacity-limited location among {@code locationIds} and those the batches hold
     * stock at. Whoever locks or writes a batch_locations row at a capacity-limited location must hold that location
     * first: then the locking sum of {@link #requireRoom} never waits for a row, and no one waits for a location
     * while holding rows, so additions queue on the location instead of deadlocking. Call it after the batch rows
     * are locked and before their location rows; a unit of work that changes several batches calls it once for all.
     */
    public Mono<Set<Long>> lockLimitedLocations(Collection<Long> batchIds, Collection<Long> locationIds) {
        return locations.limitedLocations(batchIds, locationIds)
                .flatMap(limited -> locations.lockLocations(limited).thenReturn(Set.copyOf(limited)));
    }

    /**
     * Places the first stock of a new batch: its empty row at the location, then the room check, then the quantity
     * (the order the class comment explains). Only for a batch created in this transaction.
     */
    public Mono<Void> placeNewBatch(long batchId, long locationId, BigDecimal quantity) {
        return lockLimitedLocations(List.of(), List.of(locationId))
                .flatMap(limited -> locations.ensure(batchId, locationId)
                        .then(requireRoom(limited, locationId, quantity)))
                .then(locations.updateQuantity(batchId, new Slot(locationId, quantity)))
                .then();
    }

    /**
     * Checks that {@code added} fits at the location, when it is one of the capacity-limited locations the caller
     * locked with {@link #lockLimitedLocations}; any other location is unlimited.
     */
    public Mono<Void> requireRoom(Set<Long> limited, long locationId, BigDecimal added) {
        if (added == null || added.signum() <= 0 || !limited.contains(locationId)) {
            return Mono.empty();
        }
        return locations.lockOccupancy(locationId).flatMap(occupancy -> {
            try {
                occupancy.requireRoomFor(added);
                return Mono.<Void>empty();
            } catch (LocationFull full) {
                return Mono.error(new ApiException(ErrorCode.LOCATION_CAPACITY_EXCEEDED,
                        "Location " + locationId + " " + full.getMessage()));
            }
        });
    }
}
