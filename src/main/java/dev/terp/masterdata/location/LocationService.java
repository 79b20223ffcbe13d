package dev.terp.masterdata.location;

import java.util.Map;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.location.api.LocationView;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.stereotype.Service;

@Service
public class LocationService {

    final SimpleTable<Location> locations;

    LocationService(SimpleTables tables) {
        this.locations = tables.of(Location.class, "Location",
                        location -> "A location at " + location.address().describe() + " already exists")
                .viewedAs(location -> Mono.just(LocationView.of(location)));
    }

    public Mono<Location> get(long id) {
        return locations.get(id);
    }

    /** The location at this address, created (and audited, with unlimited capacity) when there is none. */
    public Mono<Location> findOrCreate(LocationAddress address) {
        Location draft = Location.at(address, null, null);
        return locations.findOrCreate(Map.of("site", draft.site(), "zone", draft.zone(), "rack", draft.rack(),
                "shelf", draft.shelf(), "bin", draft.bin()), () -> draft);
    }
}
