package dev.terp.masterdata.category;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import dev.terp.masterdata.category.api.CategoryView;
import dev.terp.platform.errors.ConflictException;
import dev.terp.platform.persistence.SimpleTable;
import dev.terp.platform.persistence.SimpleTables;

import org.springframework.data.domain.Sort;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.stereotype.Service;

import static org.springframework.data.relational.core.query.Criteria.where;

/**
 * Categories and their subcategories. Products refer to both by id, so a rename needs no cascade (D-20), and
 * neither can be deleted while anything uses it (D-31). A category is shown, and audited, with all its
 * subcategories; deactivating it leaves their own flags alone, so activating it again restores them as they were.
 */
@Service
public class CategoryService {

    final SimpleTable<Category> categories;
    /**
     * Subcategories one category may hold: a category answers with all of them inline (ERP subdivisions are a
     * handful), so the bound is enforced where they are created and documented as the list's maxItems.
     */
    public static final int MAX_SUBCATEGORIES = 200;

    final SimpleTable<Subcategory> subcategories;

    CategoryService(SimpleTables tables) {
        this.subcategories = tables.of(Subcategory.class, "Subcategory",
                sub -> "The category already has a subcategory named '" + sub.name() + "'");
        this.categories = tables.of(Category.class, "Category",
                        category -> "A category named '" + category.name() + "' already exists")
                .viewedAs(category -> subcategories.findAll(where("category_id").is(category.id()), Sort.by("id"))
                        .map(children -> CategoryView.of(category, children)), this::views);
    }

    public Mono<Category> get(long id) {
        return categories.get(id);
    }

    /** The names of the categorys with these ids, by id: one query for a whole list page. */
    public Mono<Map<Long, String>> namesOf(Collection<Long> ids) {
        return categories.byIds(ids).map(found -> found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().name())));
    }

    /** The category with this name, case-insensitively; empty when there is none. */
    public Mono<Category> findByName(String name) {
        return categories.find(where("name").is(name));
    }

    /** The subcategory of this category with this name, case-insensitively; empty when there is none. */
    public Mono<Subcategory> findSubcategoryByName(long categoryId, String name) {
        return subcategories.find(where("category_id").is(categoryId).and("name").is(name));
    }

    public Mono<Subcategory> getSubcategory(long id) {
        return subcategories.get(id);
    }

    /** The names of the subcategories with these ids, by id. */
    public Mono<Map<Long, String>> subcategoryNamesOf(Collection<Long> ids) {
        return subcategories.byIds(ids).map(found -> found.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().name())));
    }

    /**
     * Creates a subcategory under a locked category: the lock orders this insert against a concurrent delete of the
     * category, which would otherwise count no subcategories and then fail on the foreign key with a vaguer message,
     * and against a concurrent create, so the count below cannot be passed by two at once.
     */
    Mono<Subcategory> createSubcategory(Subcategory draft) {
        return subcategories.checkedBy(sub -> categories.lock(sub.categoryId())
                .then(subcategories.countReferencing("category_id", sub.categoryId()))
                .flatMap(count -> count < MAX_SUBCATEGORIES ? Mono.<Void>empty()
                        : Mono.error(new ConflictException("Category " + sub.categoryId() + " already has "
                                + MAX_SUBCATEGORIES + " subcategories, the most a category can hold"))))
                .create(draft);
    }

    /** q matches the category's name or one of its subcategories' names. */
    Mono<Criteria> search(String q, Criteria others) {
        return subcategories.findAll(where("name").like(q), Sort.by("category_id"))
                .map(matches -> {
                    Criteria byName = where("name").like(q);
                    Criteria matching = matches.isEmpty() ? byName : byName.or("id")
                            .in(matches.stream().map(Subcategory::categoryId).distinct().toList());
                    return others.isEmpty() ? Criteria.empty().and(matching) : others.and(matching);
                });
    }

    /** A page of categories with their subcategories, read in one query for the whole page. */
    private Mono<List<?>> views(List<Category> page) {
        return subcategories.findAll(where("category_id").in(page.stream().map(Category::id).toList()), Sort.by("id"))
                .map(children -> page.stream().map(category -> CategoryView.of(category, children.stream()
                        .filter(child -> child.categoryId() == category.id()).toList())).collect(Collectors.toList()));
    }
}
