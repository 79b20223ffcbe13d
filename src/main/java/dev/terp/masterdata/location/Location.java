package dev.terp.masterdata.location;

import java.time.Instant;

/** A storage place: a site, optionally narrowed to zone, rack, shelf and bin. Absent parts are null. */
public record Location(
        long id,
        String site,
        String zone,
        String rack,
        String shelf,
        String bin,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public LocationAddress address() {
        return new LocationAddress(site, zone, rack, shelf, bin);
    }
}
