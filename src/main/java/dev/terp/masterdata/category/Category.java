package dev.terp.masterdata.category;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A product category (Flower, Edibles, ...); the API shows it with its subcategories ({@code CategoryView}). */
@Table("categories")
public record Category(
        @Id Long id,
        String name,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static final Category NEW = new Category(null, null, null, true, null, null, null);
}
