package dev.terp.masterdata.grade;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A quality grade a batch can carry (AAA, AA, ...); {@code sortOrder} ranks grades in pickers and reports. */
@Table("grades")
@Schema(name = "Grade")
public record Grade(
        @Id Long id,
        String name,
        String description,
        int sortOrder,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static final Grade NEW = new Grade(null, null, null, 0, true, null, null, null);
}
