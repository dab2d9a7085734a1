package io.shelfwise.demo.web;

import java.util.Locale;

/**
 * The orders a shopper can list products in, spelled in the {@code sort} parameter as Broadleaf's URLs spell them
 * ({@code sort=price desc}). {@link #FEATURED} is the default (no parameter): a category's own order, or by name
 * for a search.
 */
enum ProductSort {
    FEATURED(null, "Featured"),
    NAME_ASC("name asc", "Name A–Z"),
    NAME_DESC("name desc", "Name Z–A"),
    PRICE_ASC("price asc", "Price: low to high"),
    PRICE_DESC("price desc", "Price: high to low");

    static final String ACCEPTED = "name asc, name desc, price asc or price desc";

    private final String parameter;
    private final String label;

    ProductSort(String parameter, String label) {
        this.parameter = parameter;
        this.label = label;
    }

    /** The {@code sort} parameter's value, or {@code null} for the default order. */
    String parameter() {
        return parameter;
    }

    String label() {
        return label;
    }

    /**
     * The order a {@code sort} parameter asks for: case and spacing do not matter; absent or blank is
     * {@link #FEATURED}.
     *
     * @throws RefusedRequest (400) for any other value
     */
    static ProductSort of(String value) {
        if (value == null || value.trim().isEmpty()) {
            return FEATURED;
        }
        String normal = value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        for (ProductSort sort : values()) {
            if (normal.equals(sort.parameter)) {
                return sort;
            }
        }
        throw RefusedRequest.badRequest("Products can be sorted by " + ACCEPTED + ".");
    }
}
