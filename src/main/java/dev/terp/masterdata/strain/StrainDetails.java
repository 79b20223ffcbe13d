package dev.terp.masterdata.strain;

import java.util.List;

import dev.terp.masterdata.strain.domain.StrainCategory;
import dev.terp.masterdata.strain.domain.StrainNames;

/** What a client may set on a strain, already validated; the standardized name is derived, never sent. */
public record StrainDetails(String name, StrainCategory category, String description, List<String> aliases) {

    public StrainDetails {
        aliases = List.copyOf(aliases);
    }

    public String standardizedName() {
        return StrainNames.standardize(name);
    }
}
