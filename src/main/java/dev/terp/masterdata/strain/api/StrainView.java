package dev.terp.masterdata.strain.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.strain.Strain;
import dev.terp.masterdata.strain.domain.StrainCategory;

@Schema(name = "Strain")
public record StrainView(
        long id,
        String name,
        @Schema(description = "Trimmed, lower-cased, inner whitespace collapsed; unique") String standardizedName,
        StrainCategory category,
        List<String> aliases,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static StrainView of(Strain strain) {
        return new StrainView(strain.id(), strain.name(), strain.standardizedName(), strain.category(),
                strain.aliases(), strain.description(), strain.active(), strain.version(), strain.createdAt(),
                strain.updatedAt());
    }
}
