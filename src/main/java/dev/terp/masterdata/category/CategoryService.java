package dev.terp.masterdata.category;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.terp.audit.AuditTrail;
import dev.terp.masterdata.category.api.CategoryView;
import dev.terp.masterdata.category.api.SubcategoryView;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.errors.NotFoundException;
import dev.terp.platform.paging.Page;
import dev.terp.platform.paging.PageRequest;
import dev.terp.platform.persistence.OptimisticLocking;
import dev.terp.platform.persistence.ReferenceGuard;
import dev.terp.platform.tx.TransactionRunner;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Categories and their subcategories. Products refer to both by id, so a rename needs no cascade (D-20), and
 * neither can be deleted while anything uses it (D-31).
 */
@Service
public class CategoryService {

    static final String CATEGORY = "Category";
    static final String SUBCATEGORY = "Subcategory";

    private final CategoryRepository categories;
    private final SubcategoryRepository subcategories;
    private final TransactionRunner tx;
    private final ReferenceGuard references;
    private final AuditTrail audit;

    CategoryService(CategoryRepository categories, SubcategoryRepository subcategories, TransactionRunner tx,
            ReferenceGuard references, AuditTrail audit) {
        this.categories = categories;
        this.subcategories = subcategories;
        this.tx = tx;
        this.references = references;
        this.audit = audit;
    }

    public Mono<Category> get(long id) {
        return categories.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, id)));
    }

    /** The category with this name, case-insensitively; empty when there is none. */
    public Mono<Category> findByName(String name) {
        return categories.findByName(name);
    }

    /** The subcategory of this category with this name, case-insensitively; empty when there is none. */
    public Mono<Subcategory> findSubcategoryByName(long categoryId, String name) {
        return subcategories.findByName(categoryId, name);
    }

    public Mono<Subcategory> getSubcategory(long id) {
        return subcategories.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(SUBCATEGORY, id)));
    }

    public Mono<CategoryTree> getTree(long id) {
        return get(id).flatMap(this::withSubcategories);
    }

    public Mono<Page<CategoryTree>> list(String q, Boolean active, PageRequest page) {
        return categories.list(q, active, page)
                .map(rows -> Page.of(rows, page, Category::id))
                .flatMap(this::withSubcategories);
    }

    public Mono<CategoryTree> create(CategoryDetails details) {
        return tx.inRetryingTransaction(() -> categories.insert(details)
                        .flatMap(categories::findById)
                        .map(category -> new CategoryTree(category, List.of()))
                        .flatMap(created -> audit.record(CATEGORY, created.category().id(), "CREATED", null,
                                CategoryView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> categoryNameTaken(details));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<CategoryTree> update(long id, long expectedVersion, CategoryDetails details) {
        return tx.inRetryingTransaction(() -> lockCategory(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(categories.update(id, expectedVersion, details),
                                        () -> Mono.just(true), CATEGORY, id)
                                .then(categories.findById(id))
                                .flatMap(this::withSubcategories)
                                .flatMap(after -> audit.record(CATEGORY, id, "UPDATED", CategoryView.of(before),
                                        CategoryView.of(after), null).thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> categoryNameTaken(details));
    }

    /**
     * Deactivating a category leaves its subcategories' own flags alone, so activating it again restores them as
     * they were.
     */
    public Mono<CategoryTree> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockCategory(id)
                .flatMap(before -> categories.setActive(id, active)
                        .then(categories.findById(id))
                        .flatMap(this::withSubcategories)
                        .flatMap(after -> audit.record(CATEGORY, id, active ? "ACTIVATED" : "DEACTIVATED",
                                CategoryView.of(before), CategoryView.of(after), null).thenReturn(after))));
    }

    /** Deletes a category that has no subcategories and no products; one in use must be deactivated instead. */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> lockCategory(id)
                .flatMap(before -> references.requireUnused("categories", CATEGORY, id)
                        .then(categories.delete(id))
                        .then(audit.record(CATEGORY, id, "DELETED", CategoryView.of(before), null, null))));
    }

    public Mono<Page<Subcategory>> listSubcategories(long categoryId, String q, Boolean active, PageRequest page) {
        return get(categoryId)
                .then(subcategories.listOfCategory(categoryId, q, active, page))
                .map(rows -> Page.of(rows, page, Subcategory::id));
    }

    public Mono<Subcategory> createSubcategory(long categoryId, CategoryDetails details) {
        // The category row lock orders this insert against a concurrent delete of the category, which would
        // otherwise count no subcategories and then fail on the foreign key with a vaguer message.
        return tx.inRetryingTransaction(() -> categories.lockById(categoryId)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, categoryId)))
                        .flatMap(category -> subcategories.insert(categoryId, details))
                        .flatMap(subcategories::findById)
                        .flatMap(created -> audit.record(SUBCATEGORY, created.id(), "CREATED", null,
                                SubcategoryView.of(created), null).thenReturn(created)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> subcategoryNameTaken(details));
    }

    /** The row lock makes "before" the state this update replaces, not one a concurrent update already replaced. */
    public Mono<Subcategory> updateSubcategory(long id, long expectedVersion, CategoryDetails details) {
        return tx.inRetryingTransaction(() -> lockSubcategory(id)
                        .flatMap(before -> OptimisticLocking
                                .requireUpdated(subcategories.update(id, expectedVersion, details),
                                        () -> Mono.just(true), SUBCATEGORY, id)
                                .then(subcategories.findById(id))
                                .flatMap(after -> audit.record(SUBCATEGORY, id, "UPDATED",
                                        SubcategoryView.of(before), SubcategoryView.of(after), null)
                                        .thenReturn(after))))
                .onErrorMap(DuplicateKeyException.class, duplicate -> subcategoryNameTaken(details));
    }

    public Mono<Subcategory> setSubcategoryActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> lockSubcategory(id)
                .flatMap(before -> subcategories.setActive(id, active)
                        .then(subcategories.findById(id))
                        .flatMap(after -> audit.record(SUBCATEGORY, id, active ? "ACTIVATED" : "DEACTIVATED",
                                SubcategoryView.of(before), SubcategoryView.of(after), null).thenReturn(after))));
    }

    public Mono<Void> deleteSubcategory(long id) {
        return tx.inRetryingTransaction(() -> lockSubcategory(id)
                .flatMap(before -> references.requireUnused("subcategories", SUBCATEGORY, id)
                        .then(subcategories.delete(id))
                        .then(audit.record(SUBCATEGORY, id, "DELETED", SubcategoryView.of(before), null, null))));
    }

    /** The category row locked, with its subcategories as they stand, which is what its audit rows show. */
    private Mono<CategoryTree> lockCategory(long id) {
        return categories.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, id)))
                .flatMap(this::withSubcategories);
    }

    private Mono<Subcategory> lockSubcategory(long id) {
        return subcategories.lockById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(SUBCATEGORY, id)));
    }

    private Mono<CategoryTree> withSubcategories(Category category) {
        return subcategories.listOfCategories(List.of(category.id()))
                .map(children -> new CategoryTree(category, children));
    }

    private Mono<Page<CategoryTree>> withSubcategories(Page<Category> page) {
        List<Long> ids = page.items().stream().map(Category::id).toList();
        return subcategories.listOfCategories(ids).map(children -> {
            Map<Long, List<Subcategory>> byCategory = children.stream()
                    .collect(Collectors.groupingBy(Subcategory::categoryId));
            return page.map(category -> new CategoryTree(category,
                    byCategory.getOrDefault(category.id(), List.of())));
        });
    }

    private static ConflictException categoryNameTaken(CategoryDetails details) {
        return new ConflictException("A category named '" + details.name() + "' already exists");
    }

    private static ConflictException subcategoryNameTaken(CategoryDetails details) {
        return new ConflictException("The category already has a subcategory named '" + details.name() + "'");
    }
}
