package dev.terp.inventory.batch;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import reactor.core.publisher.Mono;

import dev.terp.inventory.batch.BatchLocationRepository.InvolvedLocation;
import dev.terp.inventory.domain.LocationFull;
import dev.terp.inventory.domain.LocationStock.Slot;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;
import dev.terp.platform.tx.StaleSnapshotException;

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
     * <p>Which locations are limited is first read from the snapshot; the limited ones are then locked (a current
     * read), and the unlimited ones share-locked and read again current: a capacity set after the snapshot is seen
     * (the whole transaction re-runs, {@link StaleSnapshotException}), and a capacity set later waits for this
     * transaction. Share locks never make stock changes at an unlimited location wait for each other.
     */
    public Mono<Set<Long>> lockLimitedLocations(Collection<Long> batchIds, Collection<Long> locationIds) {
        return locations.involvedLocations(batchIds, locationIds).flatMap(involved -> {
            List<Long> limited = involved.stream().filter(InvolvedLocation::limited).map(InvolvedLocation::id)
                    .toList();
            List<Long> unlimited = involved.stream().filter(location -> !location.limited())
                    .map(InvolvedLocation::id).toList();
            return locations.lockLocations(limited)
                    .then(locations.shareLockNowLimited(unlimited))
                    .flatMap(nowLimited -> nowLimited.isEmpty()
                            ? Mono.just(Set.copyOf(limited))
                            : Mono.error(new StaleSnapshotException("Location(s) " + nowLimited
                                    + " became capacity-limited after this transaction's snapshot")));
        });
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
