package dev.terp.masterdata.tag;

import java.time.Instant;
import java.util.Locale;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedBy;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedBy;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A label products can carry (TERP tags); unique by its standardized name, so "Top  Shelf" and "top shelf" clash. */
@Table("tags")
@Schema(name = "Tag")
public record Tag(
        @Id Long id,
        String name,
        @Schema(description = "Trimmed, lower-cased, inner whitespace collapsed; unique") String standardizedName,
        String category,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt,
        @CreatedBy @Schema(description = "Id of the user who created it") Long createdBy,
        @LastModifiedBy @Schema(description = "Id of the user who changed it last") Long updatedBy) {

    public static String standardize(String name) {
        return name.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
