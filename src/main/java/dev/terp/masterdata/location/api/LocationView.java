package dev.terp.masterdata.location.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.location.Location;

@Schema(name = "Location")
public record LocationView(
        long id,
        String site,
        @Schema(nullable = true) String zone,
        @Schema(nullable = true) String rack,
        @Schema(nullable = true) String shelf,
        @Schema(nullable = true) String bin,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static LocationView of(Location location) {
        return new LocationView(location.id(), location.site(), location.zone(), location.rack(), location.shelf(),
                location.bin(), location.active(), location.version(), location.createdAt(), location.updatedAt());
    }
}
