package io.shelfwise.recommend;

import io.shelfwise.events.ShopperKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One widget's question: who is asking (may be unknown), where, about what (current product, cart, this visit's
 * clicks), how many, and what the page already shows. Immutable; {@link #builder(String)}.
 */
public final class RecommendationRequest {

    private final ShopperKey shopper;
    private final String placement;
    private final String currentItem;
    private final List<String> cartItems;
    private final List<String> sessionItems;
    private final int count;
    private final Set<String> alreadyShown;
    private final String category;
    private final BigDecimal minPrice;
    private final BigDecimal maxPrice;
    private final boolean firstVisit;

    private RecommendationRequest(Builder b) {
        this.shopper = b.shopper;
        this.placement = b.placement;
        this.currentItem = b.currentItem;
        this.cartItems = Collections.unmodifiableList(new ArrayList<>(b.cartItems));
        this.sessionItems = Collections.unmodifiableList(new ArrayList<>(b.sessionItems));
        this.count = b.count;
        this.alreadyShown = Collections.unmodifiableSet(new LinkedHashSet<>(b.alreadyShown));
        this.category = b.category;
        this.minPrice = b.minPrice;
        this.maxPrice = b.maxPrice;
        this.firstVisit = b.firstVisit;
    }

    public static Builder builder(String placement) {
        return new Builder(placement);
    }

    /** The shopper, or {@code null} for one we know nothing of (no cookie). */
    public ShopperKey shopper() {
        return shopper;
    }

    public String placement() {
        return placement;
    }

    /** The product on the page, or {@code null}. */
    public String currentItem() {
        return currentItem;
    }

    public List<String> cartItems() {
        return cartItems;
    }

    /** Items this visit touched that the plugin may not have recorded yet, oldest first. */
    public List<String> sessionItems() {
        return sessionItems;
    }

    /** How many items, or 0 for the placement's default. */
    public int count() {
        return count;
    }

    /** Items other widgets on the page already show: never repeated. */
    public Set<String> alreadyShown() {
        return alreadyShown;
    }

    /**
     * Only items in this category (a category page's "popular in ..."), on top of the placement's own filter;
     * {@code null} for any.
     */
    public String category() {
        return category;
    }

    /** Lowest price an item may have, inclusive, on top of the placement's range; {@code null} for none. */
    public BigDecimal minPrice() {
        return minPrice;
    }

    /** Highest price an item may have, inclusive, on top of the placement's range; {@code null} for none. */
    public BigDecimal maxPrice() {
        return maxPrice;
    }

    /** True when the caller knows the shopper has no stored history (a visitor whose id this request issued). */
    public boolean firstVisit() {
        return firstVisit;
    }

    /** Builds a request. */
    public static final class Builder {
        private final String placement;
        private ShopperKey shopper;
        private String currentItem;
        private final List<String> cartItems = new ArrayList<>();
        private final List<String> sessionItems = new ArrayList<>();
        private int count;
        private final Set<String> alreadyShown = new LinkedHashSet<>();
        private String category;
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private boolean firstVisit;

        private Builder(String placement) {
            this.placement = Objects.requireNonNull(placement, "placement");
        }

        public Builder shopper(ShopperKey value) {
            this.shopper = value;
            return this;
        }

        public Builder currentItem(String value) {
            this.currentItem = value;
            return this;
        }

        public Builder cartItems(List<String> values) {
            this.cartItems.addAll(values);
            return this;
        }

        public Builder sessionItems(List<String> values) {
            this.sessionItems.addAll(values);
            return this;
        }

        public Builder count(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("count cannot be negative, was " + value);
            }
            this.count = value;
            return this;
        }

        public Builder alreadyShown(Set<String> values) {
            this.alreadyShown.addAll(values);
            return this;
        }

        /** Keeps to one category; {@code null} or blank for any. */
        public Builder category(String categoryId) {
            this.category = categoryId == null || categoryId.trim().isEmpty() ? null : categoryId.trim();
            return this;
        }

        /**
         * Keeps to a price range; either bound may be {@code null} (open).
         *
         * @throws IllegalArgumentException if a bound is negative or the range is empty
         */
        public Builder priceRange(BigDecimal min, BigDecimal max) {
            if ((min != null && min.signum() < 0) || (max != null && max.signum() < 0)) {
                throw new IllegalArgumentException("price bounds cannot be negative, were " + min + " and " + max);
            }
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw new IllegalArgumentException("the lowest price " + min + " is above the highest " + max);
            }
            this.minPrice = min;
            this.maxPrice = max;
            return this;
        }

        /** The shopper is new: nothing of them is stored, so serving does not read the event store for them. */
        public Builder firstVisit(boolean value) {
            this.firstVisit = value;
            return this;
        }

        public RecommendationRequest build() {
            return new RecommendationRequest(this);
        }
    }
}
