package dev.terp.masterdata.location.api;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.platform.web.Decimals;
import dev.terp.masterdata.location.Location;
import dev.terp.masterdata.location.LocationAddress;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/locations} and {@code PUT /api/v1/locations/{id}}. A PUT replaces the whole address
 * (an absent part, or capacity, is cleared) and must name the version it was based on (here or in If-Match). Blank parts count as
 * absent, so "Main / '' / R1" and "Main / null / R1" are the same address.
 */
@Schema(name = "LocationRequest")
public record LocationRequest(
        @NotBlank @Size(max = 100) String site,
        @Size(max = 100) String zone,
        @Size(max = 100) String rack,
        @Size(max = 100) String shelf,
        @Size(max = 100) String bin,
        @Positive @Digits(integer = 11, fraction = 4)
        @Schema(type = "string", example = "500.0000", nullable = true,
                description = "Most units the location may hold over all batches; absent = unlimited",
                        maxLength = Decimals.MAX_INPUT_LENGTH)
        BigDecimal capacity,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Location> {

    /** A capacity below what the location holds is accepted: it only refuses further additions (see V27). */
    @Override
    public Location applyTo(Location current) {
        return Location.at(address(), capacity, current);
    }


    public LocationAddress address() {
        return new LocationAddress(site.trim(), Texts.blankToNull(zone), Texts.blankToNull(rack),
                Texts.blankToNull(shelf), Texts.blankToNull(bin));
    }
}
