package io.shelfwise.storefront;

import java.math.BigDecimal;

/**
 * One product in a recommendation widget, as templates and the JSON endpoint show it. Immutable; JavaBean getters
 * because Thymeleaf templates read it through Spring EL.
 */
public final class WidgetItem {

    private final String id;
    private final String name;
    private final String url;
    private final String imageUrl;
    private final BigDecimal price;
    private final String priceText;
    private final String reason;
    private final String strategy;
    private final String modelVersion;
    private final int position;

    WidgetItem(String id, String name, String url, String imageUrl, BigDecimal price, String priceText, String reason,
               String strategy, String modelVersion, int position) {
        this.id = id;
        this.name = name;
        this.url = url;
        this.imageUrl = imageUrl;
        this.price = price;
        this.priceText = priceText;
        this.reason = reason;
        this.strategy = strategy;
        this.modelVersion = modelVersion;
        this.position = position;
    }

    /** The product's id in the store's catalogue. */
    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The product page, relative to the store's context path. */
    public String getUrl() {
        return url;
    }

    /** The primary image, or {@code null} (templates show a placeholder). */
    public String getImageUrl() {
        return imageUrl;
    }

    /** The first letter of the name, for a placeholder image. */
    public String getInitial() {
        return name == null || name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(java.util.Locale.ROOT);
    }

    /** The current price, or {@code null} when the catalogue has none. */
    public BigDecimal getPrice() {
        return price;
    }

    /** The price formatted for the shopper's locale and currency, or an empty string. */
    public String getPriceText() {
        return priceText;
    }

    /** Why it is shown ("Because you viewed ..."), or {@code null}. */
    public String getReason() {
        return reason;
    }

    public String getStrategy() {
        return strategy;
    }

    /** The model version that chose it, {@code strategy@version}. */
    public String getModelVersion() {
        return modelVersion;
    }

    /** 1-based position in the widget. */
    public int getPosition() {
        return position;
    }
}
