package dev.terp.masterdata.product;

import java.time.Instant;

import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A product of a brand, identified within the brand by its canonical name. The API shows it with the names of what
 * it refers to ({@code ProductView}).
 */
@Table("products")
public record Product(
        @Id Long id,
        long brandId,
        Long strainId,
        String nameCanonical,
        long categoryId,
        Long subcategoryId,
        String uomSellable,
        String description,
        boolean active,
        @Version Long version,
        @CreatedDate Instant createdAt,
        @LastModifiedDate Instant updatedAt) {

    public static Product of(ProductDetails details, Product current) {
        return current == null
                ? new Product(null, details.brandId(), details.strainId(), details.nameCanonical(),
                        details.categoryId(), details.subcategoryId(), details.uomSellable(), details.description(),
                        true, null, null, null)
                : new Product(current.id(), details.brandId(), details.strainId(), details.nameCanonical(),
                        details.categoryId(), details.subcategoryId(), details.uomSellable(), details.description(),
                        current.active(), current.version(), current.createdAt(), current.updatedAt());
    }
}
