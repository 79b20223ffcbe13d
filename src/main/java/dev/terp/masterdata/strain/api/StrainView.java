package dev.terp.masterdata.strain.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

    private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
    };

    public static StrainView of(Strain strain) {
        String aliases = strain.aliases();
        return new StrainView(strain.id(), strain.name(), strain.standardizedName(),
                StrainCategory.parse(strain.category()).orElse(null),
                aliases == null || aliases.isBlank() ? List.of() : JsonMapper.shared().readValue(aliases, STRING_LIST),
                strain.description(), strain.active(), strain.version(), strain.createdAt(), strain.updatedAt());
    }
}
