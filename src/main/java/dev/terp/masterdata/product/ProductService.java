package dev.terp.masterdata.product;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

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
                .viewedAs(this::view, this::views);
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

    /** A page of products with the names they refer to: one query per referenced table, not per product (D-29). */
    private Mono<List<?>> views(List<Product> page) {
        Mono<Map<Long, String>> brandNames = brands.namesOf(ids(page, Product::brandId));
        Mono<Map<Long, String>> strainNames = strains.namesOf(ids(page, Product::strainId));
        Mono<Map<Long, String>> categoryNames = categories.namesOf(ids(page, Product::categoryId));
        Mono<Map<Long, String>> subcategoryNames = categories.subcategoryNamesOf(ids(page, Product::subcategoryId));
        // One after another: the reads may share a transaction's connection.
        return brandNames.flatMap(brandsById -> strainNames.flatMap(strainsById -> categoryNames.flatMap(
                categoriesById -> subcategoryNames.map(subcategoriesById -> page.stream()
                        .map(product -> (Object) ProductView.of(product, brandsById.get(product.brandId()),
                                product.strainId() == null ? null : strainsById.get(product.strainId()),
                                categoriesById.get(product.categoryId()),
                                product.subcategoryId() == null ? null
                                        : subcategoriesById.get(product.subcategoryId())))
                        .toList()))));
    }

    private static Set<Long> ids(List<Product> page, Function<Product, Long> reference) {
        return page.stream().map(reference).filter(Objects::nonNull).collect(Collectors.toSet());
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
