package dev.terp.masterdata.category;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A subdivision of one category (Flower: Indoor, Outdoor, ...). It never moves to another category. */
@Table("subcategories")
@Schema(name = "Subcategory")
public record Subcategory(
        @Id Long id,
        long categoryId,
        String name,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {
}
