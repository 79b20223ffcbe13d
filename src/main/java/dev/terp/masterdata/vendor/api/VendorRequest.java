package dev.terp.masterdata.vendor.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.vendor.Vendor;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/vendors} and {@code PUT /api/v1/vendors/{id}}. A PUT replaces every field (an absent
 * optional field is cleared) and must name the version it was based on (here or in If-Match).
 */
@Schema(name = "VendorRequest")
public record VendorRequest(
        @NotBlank @Size(max = 255) String name,
        @Size(max = 255) String contactName,
        @Email @Size(max = 320) String contactEmail,
        @Size(max = 50) String contactPhone,
        @Size(max = 10_000) String notes,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Vendor> {

    @Override
    public Vendor applyTo(Vendor current) {
        Vendor base = current == null ? Vendor.named(null) : current;
        return new Vendor(base.id(), name.trim(), Texts.blankToNull(contactName), Texts.blankToNull(contactEmail),
                Texts.blankToNull(contactPhone), Texts.blankToNull(notes), base.active(), base.version(),
                base.createdAt(), base.updatedAt());
    }
}
