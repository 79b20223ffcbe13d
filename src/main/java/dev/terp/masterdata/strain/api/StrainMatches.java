package dev.terp.masterdata.strain.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.strain.StrainService;

/** Answer of {@code GET /api/v1/strains/search}: the best matches first, never more than a handful. */
@Schema(name = "StrainMatches")
public record StrainMatches(@ArraySchema(maxItems = StrainService.SEARCH_LIMIT) List<StrainView> items) {
}
