package dev.terp.masterdata.strain;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A cannabis strain products may name; {@code standardizedName} is its unique key. As stored: {@code category} is
 * the text TERP wrote (read case-insensitively) and {@code aliases} a JSON array of strings, NULL when there are none;
 * the API shows both parsed ({@code StrainView}).
 */
@Table("strains")
public record Strain(
        @Id Long id,
        String name,
        String standardizedName,
        String aliases,
        String category,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {
}
