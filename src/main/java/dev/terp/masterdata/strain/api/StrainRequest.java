package dev.terp.masterdata.strain.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.json.JsonMapper;

import dev.terp.masterdata.strain.Strain;
import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.masterdata.strain.domain.StrainNames;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/strains} and {@code PUT /api/v1/strains/{id}}. A PUT replaces every field (absent
 * aliases clear the list) and must name the version it was based on (here or in If-Match).
 *
 * <p>{@code category} is a checked string rather than the enum, so a wrong category is reported together with every
 * other invalid field instead of failing the whole body at deserialisation.
 */
@Schema(name = "StrainRequest")
public record StrainRequest(
        @NotBlank @Size(max = 255) String name,
        @Pattern(regexp = "INDICA|SATIVA|HYBRID", message = "must be one of INDICA, SATIVA, HYBRID")
        @Schema(allowableValues = {"INDICA", "SATIVA", "HYBRID"}) String category,
        @Size(max = 10_000) String description,
        @Size(max = 50) @ArraySchema(maxItems = 50, schema = @Schema(maxLength = 100),
                arraySchema = @Schema(description = "Other names of the strain; searched like the name"))
        List<@NotBlank @Size(max = 100) String> aliases,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Strain> {

    @Override
    public Strain applyTo(Strain current) {
        Strain base = current == null ? new Strain(null, null, null, null, null, null, true, null, null, null) : current;
        List<String> distinct = aliases == null ? List.of() : StrainNames.distinctAliases(aliases);
        return new Strain(base.id(), name.trim(), StrainNames.standardize(name),
                distinct.isEmpty() ? null : JsonMapper.shared().writeValueAsString(distinct),
                StrainCategory.parse(category).map(Enum::name).orElse(null), Texts.blankToNull(description),
                base.active(), base.version(), base.createdAt(), base.updatedAt());
    }
}
