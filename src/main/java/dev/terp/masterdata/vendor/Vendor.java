package dev.terp.masterdata.vendor;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A supplier we buy inventory from. The stored row and the API's view are the same record. */
@Table("vendors")
@Schema(name = "Vendor")
public record Vendor(
        @Id Long id,
        String name,
        String contactName,
        String contactEmail,
        String contactPhone,
        String notes,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static Vendor named(String name) {
        return new Vendor(null, name, null, null, null, null, true, null, null, null);
    }
}
