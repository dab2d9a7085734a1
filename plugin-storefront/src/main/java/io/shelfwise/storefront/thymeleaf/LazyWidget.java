package io.shelfwise.storefront.thymeleaf;

import io.shelfwise.storefront.RecommendationWidgets;

/**
 * What a lazy widget's placeholder carries for the script to fetch it: placement, limit, product, category and
 * heading. JavaBean getters for Thymeleaf.
 */
public final class LazyWidget {

    private final String placement;
    private final int limit;
    private final String product;
    private final String category;
    private final String title;

    LazyWidget(String placement, int limit, String product, String category, String title) {
        this.placement = placement;
        this.limit = limit;
        this.product = product;
        this.category = category;
        this.title = title == null || title.trim().isEmpty() ? RecommendationWidgets.defaultTitle(placement) : title;
    }

    public String getPlacement() {
        return placement;
    }

    public int getLimit() {
        return limit;
    }

    public String getProduct() {
        return product;
    }

    public String getCategory() {
        return category;
    }

    public String getTitle() {
        return title;
    }
}
