package io.shelfwise.price;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the store knows of a product when asking for a price: its id (for online-retail files, the StockCode),
 * its text (name and description), its category and its current price. Only the id is required; a product with
 * no text is priced from its code and the store's overall prices. Value type, immutable.
 */
public final class ProductListing {

    private final String id;
    private final String text;
    private final String category;
    private final BigDecimal currentPrice;

    private ProductListing(String id, String text, String category, BigDecimal currentPrice) {
        this.id = id;
        this.text = text;
        this.category = category;
        this.currentPrice = currentPrice;
    }

    /**
     * @param id           the product id, not blank
     * @param text         name and description, may be {@code null}
     * @param category     category name, may be {@code null}
     * @param currentPrice the price it sells at now, {@code null} for a new product; must be above 0 if given
     */
    public static ProductListing of(String id, String text, String category, BigDecimal currentPrice) {
        if (id == null || id.trim().isEmpty()) {
            throw new IllegalArgumentException("A product listing needs an id");
        }
        if (currentPrice != null && currentPrice.signum() <= 0) {
            throw new IllegalArgumentException("A current price must be above 0 (leave it out for a new product), "
                    + "was " + currentPrice.toPlainString() + " for " + id);
        }
        return new ProductListing(id, text == null ? "" : text, category, currentPrice);
    }

    public String id() {
        return id;
    }

    /** Name and description; empty when none is known. */
    public String text() {
        return text;
    }

    /** Category name, or {@code null}. */
    public String category() {
        return category;
    }

    /** The price it sells at now, or {@code null}. */
    public BigDecimal currentPrice() {
        return currentPrice;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProductListing)) {
            return false;
        }
        ProductListing p = (ProductListing) o;
        return id.equals(p.id) && text.equals(p.text) && Objects.equals(category, p.category)
                && (currentPrice == null ? p.currentPrice == null
                        : p.currentPrice != null && currentPrice.compareTo(p.currentPrice) == 0);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, text, category, currentPrice == null ? null : currentPrice.stripTrailingZeros());
    }

    @Override
    public String toString() {
        return id + " '" + text + "'" + (category == null ? "" : " in " + category)
                + (currentPrice == null ? "" : " at " + currentPrice.toPlainString());
    }
}
