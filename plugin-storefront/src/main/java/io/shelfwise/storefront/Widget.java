package io.shelfwise.storefront;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A filled recommendation widget: the placement, its heading, its items and what tracking needs to attribute
 * impressions and clicks (model versions, A/B arm). An empty widget renders as nothing. Immutable; JavaBean
 * getters for Thymeleaf.
 */
public final class Widget {

    private final String placement;
    private final String title;
    private final List<WidgetItem> items;
    private final String arm;
    private final boolean fallback;
    private final String csrfToken;
    private final String addToCartUrl;
    private final String domId;
    private final String productId;

    Widget(String placement, String title, List<WidgetItem> items, String arm, boolean fallback, String csrfToken,
           String addToCartUrl, String domId, String productId) {
        this.placement = placement;
        this.title = title;
        this.items = Collections.unmodifiableList(new ArrayList<>(items));
        this.arm = arm;
        this.fallback = fallback;
        this.csrfToken = csrfToken;
        this.addToCartUrl = addToCartUrl;
        this.domId = domId;
        this.productId = productId;
    }

    static Widget empty(String placement, String title, String addToCartUrl) {
        return new Widget(placement, title, Collections.<WidgetItem>emptyList(), null, false, null, addToCartUrl,
                "shelfwise-" + placement, null);
    }

    public String getPlacement() {
        return placement;
    }

    public String getTitle() {
        return title;
    }

    public List<WidgetItem> getItems() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The A/B arm this shopper is in for the placement, or {@code null} outside a test. */
    public String getArm() {
        return arm;
    }

    /** True when part of the list came from a fallback strategy. */
    public boolean isFallback() {
        return fallback;
    }

    /** The model versions that filled the widget, comma-separated, for tracking. */
    public String getModelVersions() {
        Set<String> versions = new LinkedHashSet<>();
        for (WidgetItem item : items) {
            versions.add(item.getModelVersion());
        }
        return String.join(",", versions);
    }

    /** The item ids in order, comma-separated, for the impression beacon. */
    public String getItemIds() {
        List<String> ids = new ArrayList<>();
        for (WidgetItem item : items) {
            ids.add(item.getId());
        }
        return String.join(",", ids);
    }

    /** Each item's model version, in item order, comma-separated, for the impression beacon. */
    public String getItemVersions() {
        List<String> versions = new ArrayList<>();
        for (WidgetItem item : items) {
            versions.add(item.getModelVersion());
        }
        return String.join(",", versions);
    }

    /** The token tracking beacons and add-to-basket forms post with, or {@code null} without a session. */
    public String getCsrfToken() {
        return csrfToken;
    }

    /** Where the store's add-to-basket form posts. */
    public String getAddToCartUrl() {
        return addToCartUrl;
    }

    /** The product the page shows (what "bought together" goes with), or {@code null}. */
    public String getProductId() {
        return productId;
    }

    /** An id unique on the page, for ARIA references. */
    public String getDomId() {
        return domId;
    }
}
