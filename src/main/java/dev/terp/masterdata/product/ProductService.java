package dev.terp.masterdata.product;

import java.util.Map;
import java.util.Optional;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.masterdata.brand.Brand;
import dev.terp.masterdata.brand.BrandService;
import dev.terp.masterdata.category.Category;
import dev.terp.masterdata.category.CategoryService;
import dev.terp.masterdata.category.Subcategory;
import dev.terp.masterdata.product.api.ProductView;
import dev.terp.masterdata.strain.Strain;
import dev.terp.masterdata.strain.StrainService;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.stereotype.Service;

/**
 * Products. Their references are looked up through their modules' services, never their tables; one deleted between
 * the check and the write is still caught by the foreign keys.
 */
@Service
public class ProductService {

    final SimpleTable<Product> products;
    private final BrandService brands;
    private final StrainService strains;
    private final CategoryService categories;

    ProductService(SimpleTables tables, BrandService brands, StrainService strains, CategoryService categories) {
        this.brands = brands;
        this.strains = strains;
        this.categories = categories;
        this.products = tables.of(Product.class, "Product", product -> "Brand " + product.brandId()
                        + " already has a product named '" + product.nameCanonical() + "'")
                .checkedBy(this::requireReferences)
                .viewedAs(this::view);
    }

    public Mono<Product> get(long id) {
        return products.get(id);
    }

    /** The brand's product with this canonical name, created from {@code details} (and audited) when there is none. */
    public Mono<Product> findOrCreate(ProductDetails details) {
        return products.findOrCreate(Map.of("brand_id", details.brandId(), "name_canonical", details.nameCanonical()),
                () -> Product.of(details, null));
    }

    /** The product with the names of what it refers to, for display. */
    private Mono<ProductView> view(Product product) {
        return Mono.zip(brands.get(product.brandId()).map(Brand::name),
                optional(product.strainId() == null ? null : strains.get(product.strainId()).map(Strain::name)),
                categories.get(product.categoryId()).map(Category::name),
                optional(product.subcategoryId() == null ? null
                        : categories.getSubcategory(product.subcategoryId()).map(Subcategory::name)))
                .map(names -> ProductView.of(product, names.getT1(), names.getT2().orElse(null), names.getT3(),
                        names.getT4().orElse(null)));
    }

    private static Mono<Optional<String>> optional(Mono<String> name) {
        return name == null ? Mono.just(Optional.empty()) : name.map(Optional::of);
    }

    /** Every reference must exist and the subcategory belong to the category; all broken ones reported at once. */
    private Mono<Void> requireReferences(Product product) {
        Mono<FieldViolation> brand = missing("brandId", "brand", product.brandId(), brands.get(product.brandId()));
        Mono<FieldViolation> strain = product.strainId() == null ? Mono.empty()
                : missing("strainId", "strain", product.strainId(), strains.get(product.strainId()));
        Mono<FieldViolation> category = missing("categoryId", "category", product.categoryId(),
                categories.get(product.categoryId()));
        Mono<FieldViolation> subcategory = product.subcategoryId() == null ? Mono.empty()
                : subcategoryOutside(product.categoryId(), product.subcategoryId());
        return Flux.concat(brand, strain, category, subcategory).collectList()
                .flatMap(violations -> violations.isEmpty() ? Mono.<Void>empty()
                        : Mono.error(new ValidationException(violations)));
    }

    private static Mono<FieldViolation> missing(String field, String resource, long id, Mono<?> lookup) {
        return lookup.then(Mono.<FieldViolation>empty())
                .onErrorResume(NotFoundException.class, notFound -> Mono.just(
                        new FieldViolation(field, resource + " " + id + " does not exist")));
    }

    private Mono<FieldViolation> subcategoryOutside(long categoryId, long subcategoryId) {
        return categories.getSubcategory(subcategoryId)
                .map(Subcategory::categoryId)
                .filter(owner -> owner != categoryId)
                .map(owner -> new FieldViolation("subcategoryId", "subcategory " + subcategoryId
                        + " belongs to category " + owner + ", not to category " + categoryId))
                .onErrorResume(NotFoundException.class, notFound -> Mono.just(
                        new FieldViolation("subcategoryId", "subcategory " + subcategoryId + " does not exist")));
    }
}
