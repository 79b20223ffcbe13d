package dev.terp.inventory.batch;

import java.math.BigDecimal;

import reactor.core.publisher.Mono;

import dev.terp.inventory.domain.LocationFull;
import dev.terp.platform.errors.ApiException;
import dev.terp.platform.errors.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Refuses additions beyond a location's capacity (semantics: {@code LocationStock.Occupancy}) with 409
 * LOCATION_CAPACITY_EXCEEDED. Call it inside the adding transaction and BEFORE locking or writing any batch_locations
 * row at the location: every adder then takes the location row lock first, so two additions at one capacity-limited
 * location queue one after the other instead of deadlocking on each other's location rows. Unlimited locations take
 * no lock at all.
 */
@Component
public class LocationCapacity {

    private final BatchLocationRepository locations;

    LocationCapacity(BatchLocationRepository locations) {
        this.locations = locations;
    }

    public Mono<Void> requireRoom(long locationId, BigDecimal added) {
        if (added == null || added.signum() <= 0) {
            return Mono.empty();
        }
        return locations.capacity(locationId)
                .flatMap(capacity -> capacity.isEmpty() ? Mono.empty() : locations.lockOccupancy(locationId)
                        .flatMap(occupancy -> {
                            try {
                                occupancy.requireRoomFor(added);
                                return Mono.<Void>empty();
                            } catch (LocationFull full) {
                                return Mono.error(new ApiException(ErrorCode.LOCATION_CAPACITY_EXCEEDED,
                                        "Location " + locationId + " " + full.getMessage()));
                            }
                        }));
    }
}
