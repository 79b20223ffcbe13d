package dev.terp.masterdata.location;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A storage place: a site, optionally narrowed to zone, rack, shelf and bin. Absent parts are null. {@code capacity}
 * is the most units the place may hold over all batches; null is unlimited (inventory enforces it on every addition).
 */
public record Location(
        long id,
        String site,
        String zone,
        String rack,
        String shelf,
        String bin,
        BigDecimal capacity,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public LocationAddress address() {
        return new LocationAddress(site, zone, rack, shelf, bin);
    }
}
