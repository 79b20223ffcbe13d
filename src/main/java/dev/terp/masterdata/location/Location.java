package dev.terp.masterdata.location;

import java.math.BigDecimal;
import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A storage place: a site, optionally narrowed to zone, rack, shelf and bin. Absent parts are stored as '' so the
 * unique key sees them (NULLs never collide); {@link #address()} and the API show them as null. {@code capacity} is
 * the most units the place may hold over all batches; null is unlimited (inventory enforces it on every addition).
 */
@Table("locations")
public record Location(
        @Id Long id,
        String site,
        String zone,
        String rack,
        String shelf,
        String bin,
        BigDecimal capacity,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static Location at(LocationAddress address, BigDecimal capacity, Location current) {
        Location base = current == null ? new Location(null, null, null, null, null, null, null, true, null, null,
                null) : current;
        return new Location(base.id(), address.site(), stored(address.zone()), stored(address.rack()),
                stored(address.shelf()), stored(address.bin()), capacity, base.active(), base.version(),
                base.createdAt(), base.updatedAt());
    }

    public LocationAddress address() {
        return new LocationAddress(site, shown(zone), shown(rack), shown(shelf), shown(bin));
    }

    private static String stored(String part) {
        return part == null ? "" : part;
    }

    private static String shown(String part) {
        return part == null || part.isEmpty() ? null : part;
    }
}
