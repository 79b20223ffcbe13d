package dev.terp.masterdata.brand.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.brand.Brand;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/brands} and {@code PUT /api/v1/brands/{id}}. A PUT replaces every field (an absent
 * optional field is cleared) and must name the version it was based on (here or in If-Match).
 */
@Schema(name = "BrandRequest")
public record BrandRequest(
        @NotBlank @Size(max = 255) String name,
        @Positive @Schema(description = "Id of an existing vendor") Long vendorId,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Brand> {

    @Override
    public Brand applyTo(Brand current) {
        Brand base = current == null ? Brand.of(null, null, null) : current;
        return new Brand(base.id(), name.trim(), vendorId, Texts.blankToNull(description), base.active(),
                base.version(), base.createdAt(), base.updatedAt());
    }
}
