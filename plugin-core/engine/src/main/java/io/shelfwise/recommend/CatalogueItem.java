package io.shelfwise.recommend;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What serving needs to know of a product to apply business rules and explain a recommendation, mapped from the
 * host's catalogue at the adapter. Immutable.
 */
public final class CatalogueItem {

    private final String id;
    private final String name;
    private final List<String> categories;
    private final BigDecimal price;
    private final boolean active;
    private final boolean inStock;
    private final String url;
    private final String imageUrl;

    /**
     * @param categories category ids, the primary (used for "at most N per category") first; may be empty
     * @param price      current price, or {@code null} when unknown (price filters then exclude the item)
     */
    public CatalogueItem(String id, String name, List<String> categories, BigDecimal price, boolean active,
                         boolean inStock) {
        this(id, name, categories, price, active, inStock, null, null);
    }

    /**
     * @param url      the product page, relative to the store's context path, or {@code null}
     * @param imageUrl the primary image, or {@code null}
     */
    public CatalogueItem(String id, String name, List<String> categories, BigDecimal price, boolean active,
                         boolean inStock, String url, String imageUrl) {
        this.url = url;
        this.imageUrl = imageUrl;
        this.id = Objects.requireNonNull(id, "id");
        this.name = name == null ? id : name;
        this.categories = categories == null ? Collections.<String>emptyList()
                : Collections.unmodifiableList(categories);
        this.price = price;
        this.active = active;
        this.inStock = inStock;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public List<String> categories() {
        return categories;
    }

    /** The primary category, or {@code null}. */
    public String primaryCategory() {
        return categories.isEmpty() ? null : categories.get(0);
    }

    public BigDecimal price() {
        return price;
    }

    public boolean active() {
        return active;
    }

    public boolean inStock() {
        return inStock;
    }

    /** The product page relative to the store's context path, or {@code null} when the catalogue has none. */
    public String url() {
        return url;
    }

    /** The primary image's URL, or {@code null}. */
    public String imageUrl() {
        return imageUrl;
    }

    /** Can be sold now: active and in stock. */
    public boolean available() {
        return active && inStock;
    }
}
