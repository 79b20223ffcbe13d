package dev.terp.masterdata.category;

import java.util.List;

/** A category with all of its subcategories (active or not), as TERP's categories.list showed them. */
public record CategoryTree(Category category, List<Subcategory> subcategories) {

    public CategoryTree {
        subcategories = List.copyOf(subcategories);
    }
}
