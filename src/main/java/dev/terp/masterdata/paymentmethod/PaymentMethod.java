package dev.terp.masterdata.paymentmethod;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A way a client can pay (CASH, WIRE, ...); {@code code} is the stable upper-case key other records use. */
@Table("payment_methods")
@Schema(name = "PaymentMethod")
public record PaymentMethod(
        @Id Long id,
        String code,
        String name,
        String description,
        int sortOrder,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static PaymentMethod of(String code, String name, String description, int sortOrder) {
        return new PaymentMethod(null, code, name, description, sortOrder, true, null, null, null);
    }
}
