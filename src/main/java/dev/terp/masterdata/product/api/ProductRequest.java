package dev.terp.masterdata.product.api;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import dev.terp.masterdata.product.Product;
import dev.terp.masterdata.product.ProductDetails;
import dev.terp.masterdata.product.domain.ProductNames;
import dev.terp.platform.text.Texts;
import dev.terp.platform.web.ResourceRequest;

/**
 * Body of {@code POST /api/v1/products} and {@code PUT /api/v1/products/{id}}. A PUT replaces every field (an absent
 * optional field is cleared, an absent uomSellable becomes EA) and must name the version it was based on (here or in
 * If-Match).
 */
@Schema(name = "ProductRequest")
public record ProductRequest(
        @NotNull @Positive @Schema(description = "Id of an existing brand") Long brandId,
        @Positive @Schema(description = "Id of an existing strain") Long strainId,
        @NotBlank @Size(max = 500) @CanonicalProductName
        @Schema(description = "Stored in canonical form (nameCanonical): NFKC, punctuation removed, spaces collapsed, "
                + "Title Case") String name,
        @NotNull @Positive @Schema(description = "Id of an existing category") Long categoryId,
        @Positive @Schema(description = "Id of an existing subcategory of the category") Long subcategoryId,
        @Size(max = 20) @Schema(description = "Unit the product is sold in", defaultValue = DEFAULT_UOM)
        String uomSellable,
        @Size(max = 10_000) String description,
        @PositiveOrZero @Schema(description = "Required on update unless If-Match is sent") Long version)
        implements ResourceRequest<Product> {

    public static final String DEFAULT_UOM = "EA";

    public ProductDetails details() {
        return new ProductDetails(brandId, strainId, ProductNames.canonical(name), categoryId, subcategoryId,
                uomSellable == null || uomSellable.isBlank() ? DEFAULT_UOM : uomSellable.trim(),
                Texts.blankToNull(description));
    }

    @Override
    public Product applyTo(Product current) {
        return Product.of(details(), current);
    }
}
