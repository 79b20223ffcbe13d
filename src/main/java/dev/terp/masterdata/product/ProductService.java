package dev.terp.masterdata.product;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.brand.BrandService;
import dev.terp.masterdata.category.CategoryService;
import dev.terp.masterdata.category.Subcategory;
import dev.terp.masterdata.product.api.ProductView;
import dev.terp.masterdata.strain.StrainService;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.FieldViolation;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.errors.ValidationException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

@Service
public class ProductService {

    static final String RESOURCE = "Product";

    private final ProductRepository products;
    private final BrandService brands;
    private final StrainService strains;
    private final CategoryService categories;
    private final TransactionRunner tx;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    ProductService(ProductRepository products, BrandService brands, StrainService strains,
            CategoryService categories, TransactionRunner tx, ReferenceGuard references, AuditTrail audit) {
        this.products = products;
        this.brands = brands;
        this.strains = strains;
        this.categories = categories;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Product> get(long id) {
        return products.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    public Mono<Page<Product>> list(ProductFilter filter, PageRequest page) {
        return products.list(filter, page).map(rows -> Page.of(rows, page, Product::id));
    }

    public Mono<Product> create(ProductDetails details) {
        return tx.inRetryingTransaction(() -> requireReferences(details)
                        .then(products.insert(details))
                        .flatMap(products::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                ProductView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    /**
     * The brand's product with this canonical name, created from {@code details} (and audited) when there is none.
     * Race-safe like {@code VendorService.findOrCreate}. The references are not re-checked: the caller has just
     * resolved them in this transaction (a plain re-read could miss rows another transaction committed after our
     * snapshot), and the foreign keys guard them.
     */
    public Mono<Product> findOrCreate(ProductDetails details) {
        return tx.inRetryingTransaction(() -> products.findByBrandAndName(details.brandId(), details.nameCanonical())
                .switchIfEmpty(Mono.defer(() -> products.insert(details)
                        .flatMap(products::findById)
                        .flatMap(created -> audit.record(RESOURCE, created.id(), "CREATED", null,
                                ProductView.of(created), null).thenReturn(created))
                        .onErrorResume(DuplicateKeyException.class, concurrentlyCreated -> products
                                .findByBrandAndNameCommitted(details.brandId(), details.nameCanonical())))));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Product> update(long id, long expectedVersion, ProductDetails details) {
        return tx.inRetryingTransaction(() -> requireReferences(details)
                        .then(lockExisting(id))
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(products.update(id, expectedVersion, details),
                                        () -> Mono.just(true), RESOURCE, id)
                                .then(products.findById(id))
                                .flatMap(after -> audit.record(RESOURCE, id, "UPDATED", ProductView.of(before),
                                        ProductView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> nameTaken(details));
    }

    public Mono<Product> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> products.setActive(id, active)
                        .then(products.findById(id))
                        .flatMap(after -> audit.record(RESOURCE, id, active ? "ACTIVATED" : "DEACTIVATED",
                                ProductView.of(before), ProductView.of(after), null).thenReturn(after))));
    }

    /** Deletes a product nothing refers to; one in use must be deactivated instead (D-31). */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockExisting(id)
                .flatMap(before -> references.requireUnused("products", RESOURCE, id)
                        .then(products.delete(id))
                        .then(audit.record(RESOURCE, id, "DELETED", ProductView.of(before), null, null))));
    }

    private Mono<Product> lockExisting(long id) {
        return products.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(RESOURCE, id)));
    }

    /**
     * Every reference must exist, and the subcategory must belong to the category; all broken references are
     * reported at once. They are looked up through their modules' services; one deleted between this check and the
     * write is still caught by the foreign keys.
     */
    private Mono<Void> requireReferences(ProductDetails details) {
        Mono<FieldViolation> brand = missing("brandId", "brand", details.brandId(), brands.get(details.brandId()));
        Mono<FieldViolation> strain = details.strainId() == null ? Mono.empty()
                : missing("strainId", "strain", details.strainId(), strains.get(details.strainId()));
        Mono<FieldViolation> category = missing("categoryId", "category", details.categoryId(),
                categories.get(details.categoryId()));
        Mono<FieldViolation> subcategory = details.subcategoryId() == null ? Mono.empty()
                : subcategoryOutside(details.categoryId(), details.subcategoryId());
        return Flux.concat(brand, strain, category, subcategory)
                .collectList()
                .flatMap(violations -> violations.isEmpty()
                        ? Mono.<Void>empty()
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

    private static ConflictException nameTaken(ProductDetails details) {
        return new ConflictException("Brand " + details.brandId() + " already has a product named '"
                + details.nameCanonical() + "'");
    }
}
