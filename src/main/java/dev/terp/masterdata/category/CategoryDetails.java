package dev.terp.masterdata.category;

/** What a client may set on a category or a subcategory, already validated. */
public record CategoryDetails(String name, String description) {
}
