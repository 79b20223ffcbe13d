package dev.terp.masterdata.brand;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A label products are sold under; optionally tied to the vendor that supplies it. */
@Table("brands")
@Schema(name = "Brand")
public record Brand(
        @Id Long id,
        String name,
        Long vendorId,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static Brand of(String name, Long vendorId, String description) {
        return new Brand(null, name, vendorId, description, true, null, null, null);
    }
}
