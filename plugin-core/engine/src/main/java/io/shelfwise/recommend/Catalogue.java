package io.shelfwise.recommend;

/**
 * The store's products as serving sees them. The Broadleaf adapter implements it over the catalogue service;
 * implementations should be fast (cached): serving asks once per candidate item.
 */
public interface Catalogue {

    /** The item, or {@code null} when the store has no such product. */
    CatalogueItem item(String id);

    /** The name of a category, for explanations ("popular in ..."); the id itself when unknown. */
    default String categoryName(String categoryId) {
        return categoryId;
    }
}
