package dev.terp.masterdata.category;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

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

    CategoryService(CategoryRepository categories, SubcategoryRepository subcategories, TransactionRunner tx,
            ReferenceGuard references) {
        this.categories = categories;
        this.subcategories = subcategories;
        this.tx = tx;
        this.references = references;
    }

    public Mono<Category> get(long id) {
        return categories.findById(id).switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, id)));
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
        return tx.inRetryingTransaction(() -> categories.insert(details).flatMap(categories::findById))
                .onErrorMap(DuplicateKeyException.class, duplicate -> categoryNameTaken(details))
                .map(category -> new CategoryTree(category, List.of()));
    }

    public Mono<CategoryTree> update(long id, long expectedVersion, CategoryDetails details) {
        return tx.inRetryingTransaction(() -> OptimisticLocking
                        .requireUpdated(categories.update(id, expectedVersion, details), () -> categories.exists(id),
                                CATEGORY, id)
                        .then(categories.findById(id)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> categoryNameTaken(details))
                .flatMap(this::withSubcategories);
    }

    /**
     * Deactivating a category leaves its subcategories' own flags alone, so activating it again restores them as
     * they were.
     */
    public Mono<CategoryTree> setActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> categories.setActive(id, active)
                        .filter(rows -> rows > 0)
                        .switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, id)))
                        .then(categories.findById(id)))
                .flatMap(this::withSubcategories);
    }

    /** Deletes a category that has no subcategories and no products; one in use must be deactivated instead. */
    public Mono<Void> delete(long id) {
        return tx.inRetryingTransaction(() -> categories.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(CATEGORY, id)))
                .flatMap(category -> references.requireUnused("categories", CATEGORY, id))
                .then(categories.delete(id))
                .then());
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
                        .flatMap(subcategories::findById))
                .onErrorMap(DuplicateKeyException.class, duplicate -> subcategoryNameTaken(details));
    }

    public Mono<Subcategory> updateSubcategory(long id, long expectedVersion, CategoryDetails details) {
        return tx.inRetryingTransaction(() -> OptimisticLocking
                .requireUpdated(subcategories.update(id, expectedVersion, details), () -> subcategories.exists(id),
                        SUBCATEGORY, id)
                .then(subcategories.findById(id)))
                .onErrorMap(DuplicateKeyException.class, duplicate -> subcategoryNameTaken(details));
    }

    public Mono<Subcategory> setSubcategoryActive(long id, boolean active) {
        return tx.inRetryingTransaction(() -> subcategories.setActive(id, active)
                .filter(rows -> rows > 0)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(SUBCATEGORY, id)))
                .then(subcategories.findById(id)));
    }

    public Mono<Void> deleteSubcategory(long id) {
        return tx.inRetryingTransaction(() -> subcategories.lockById(id)
                .switchIfEmpty(Mono.error(() -> new NotFoundException(SUBCATEGORY, id)))
                .flatMap(subcategory -> references.requireUnused("subcategories", SUBCATEGORY, id))
                .then(subcategories.delete(id))
                .then());
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
