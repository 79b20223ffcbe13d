package dev.terp.masterdata.product.api;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

import dev.terp.masterdata.product.Product;

@Schema(name = "Product")
public record ProductView(
        long id,
        long brandId,
        String brandName,
        Long strainId,
        String strainName,
        @Schema(description = "The name in canonical form; unique within the brand") String nameCanonical,
        long categoryId,
        String categoryName,
        Long subcategoryId,
        String subcategoryName,
        String uomSellable,
        String description,
        boolean active,
        long version,
        Instant createdAt,
        Instant updatedAt) {

    public static ProductView of(Product product, String brandName, String strainName, String categoryName,
            String subcategoryName) {
        return new ProductView(product.id(), product.brandId(), brandName, product.strainId(), strainName,
                product.nameCanonical(), product.categoryId(), categoryName, product.subcategoryId(), subcategoryName,
                product.uomSellable(), product.description(), product.active(), product.version(),
                product.createdAt(), product.updatedAt());
    }
}
