package dev.terp.masterdata.category;

import reactor.core.publisher.Mono;

import dev.terp.platform.persistence.UsageProbe;

import org.springframework.stereotype.Component;

/** A category with subcategories cannot be deleted; TERP deleted them along with it (D-20, D-31). */
@Component
class SubcategoriesPerCategory implements UsageProbe {

    private final SubcategoryRepository subcategories;

    SubcategoriesPerCategory(SubcategoryRepository subcategories) {
        this.subcategories = subcategories;
    }

    @Override
    public String referencedTable() {
        return "categories";
    }

    @Override
    public String usedBy() {
        return "subcategories";
    }

    @Override
    public Mono<Long> countUsages(long id) {
        return subcategories.countOfCategory(id);
    }
}
