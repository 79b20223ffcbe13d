package dev.terp.masterdata.location.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.location.Location;
import dev.terp.masterdata.location.LocationAddress;
import dev.terp.platform.web.Decimals;

@Schema(name = "Location")
public record LocationView(
        long id,
        String site,
        @Schema(nullable = true) String zone,
        @Schema(nullable = true) String rack,
        @Schema(nullable = true) String shelf,
        @Schema(nullable = true) String bin,
        @Schema(nullable = true, description = "null = unlimited") String capacity,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static LocationView of(Location location) {
        LocationAddress address = location.address();
        return new LocationView(location.id(), address.site(), address.zone(), address.rack(), address.shelf(),
                address.bin(), location.capacity() == null ? null : Decimals.formatQuantity(location.capacity()),
                location.active(), location.version(), location.createdAt(), location.updatedAt());
    }
}
