package io.shelfwise.recommend;

import io.shelfwise.events.Names;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where recommendations are shown and how they are chosen there: a chain of strategies tried in order until the
 * list is full (each step names the model's strategy and what it reads), and the business rules applied after
 * scoring. Immutable and validated when built; {@link #builder(String)} to make one.
 */
public final class Placement {

    /**
     * One step of the fallback chain: the active model of {@code strategy}, fed with {@code input}; or a blend of
     * two or more such parts with weights (see {@link Builder#thenBlend}).
     */
    public static final class Step {
        private final String strategy;
        private final StrategyInput input;
        private final List<BlendPart> parts;

        Step(String strategy, StrategyInput input) {
            this.strategy = strategy;
            this.input = input;
            this.parts = Collections.singletonList(new BlendPart(strategy, input, 1));
        }

        private Step(List<BlendPart> parts) {
            this.parts = Collections.unmodifiableList(new ArrayList<>(parts));
            StringBuilder name = new StringBuilder();
            for (BlendPart part : parts) {
                name.append(name.length() == 0 ? "" : "+").append(part.strategy());
            }
            this.strategy = name.toString();
            this.input = parts.get(0).input();
        }

        /** The strategy; for a blend its parts' strategies joined by {@code +}. */
        public String strategy() {
            return strategy;
        }

        /** What the model reads; for a blend, its first part's input (each part has its own). */
        public StrategyInput input() {
            return input;
        }

        /** True when the step blends several strategies. */
        public boolean isBlend() {
            return parts.size() > 1;
        }

        /** The parts: one (weight 1) for a plain step, two or more for a blend. */
        public List<BlendPart> parts() {
            return parts;
        }

        @Override
        public String toString() {
            if (!isBlend()) {
                return strategy + "(" + input.name().toLowerCase(java.util.Locale.ROOT) + ")";
            }
            StringBuilder text = new StringBuilder("blend(");
            for (int i = 0; i < parts.size(); i++) {
                text.append(i == 0 ? "" : " + ").append(parts.get(i));
            }
            return text.append(')').toString();
        }
    }

    /**
     * One strategy of a blended step with its weight. A blend ranks each part's candidates, scales each part's
     * scores to [0, 1] (min to max of what that part returned), and orders items by the weighted sum; an item's
     * explanation is that of the part contributing most to it.
     */
    public static final class BlendPart {
        private final String strategy;
        private final StrategyInput input;
        private final double weight;

        /**
         * @throws IllegalArgumentException if the strategy is not a valid name ({@link Names}) or the weight is not a
         *                                  positive, finite number
         */
        public BlendPart(String strategy, StrategyInput input, double weight) {
            this.strategy = Names.strategy(Objects.requireNonNull(strategy, "strategy"));
            this.input = Objects.requireNonNull(input, "input");
            if (!(weight > 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("The blend weight of " + strategy + " must be a positive number, "
                        + "was " + weight + " (to leave a strategy out, remove it from the blend)");
            }
            this.weight = weight;
        }

        public String strategy() {
            return strategy;
        }

        public StrategyInput input() {
            return input;
        }

        public double weight() {
            return weight;
        }

        @Override
        public String toString() {
            return strategy + "(" + input.name().toLowerCase(java.util.Locale.ROOT) + ")*" + weight;
        }
    }

    private final String name;
    private final List<Step> chain;
    private final int defaultCount;
    private final int maxCount;
    private final boolean excludeViewed;
    private final boolean excludePurchased;
    private final Set<String> repurchasableCategories;
    private final boolean excludeCart;
    private final boolean excludeCurrent;
    private final boolean excludeUnavailable;
    private final String category;
    private final BigDecimal minPrice;
    private final BigDecimal maxPrice;
    private final int maxPerCategory;
    private final Duration cacheTtl;

    private Placement(Builder b) {
        this.name = b.name;
        this.chain = Collections.unmodifiableList(new ArrayList<>(b.chain));
        this.defaultCount = b.defaultCount;
        this.maxCount = b.maxCount;
        this.excludeViewed = b.excludeViewed;
        this.excludePurchased = b.excludePurchased;
        this.repurchasableCategories = Collections.unmodifiableSet(new HashSet<>(b.repurchasableCategories));
        this.excludeCart = b.excludeCart;
        this.excludeCurrent = b.excludeCurrent;
        this.excludeUnavailable = b.excludeUnavailable;
        this.category = b.category;
        this.minPrice = b.minPrice;
        this.maxPrice = b.maxPrice;
        this.maxPerCategory = b.maxPerCategory;
        this.cacheTtl = b.cacheTtl;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A builder holding this placement's settings, to change some. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.chain.addAll(chain);
        b.defaultCount = defaultCount;
        b.maxCount = maxCount;
        b.excludeViewed = excludeViewed;
        b.excludePurchased = excludePurchased;
        b.repurchasableCategories.addAll(repurchasableCategories);
        b.excludeCart = excludeCart;
        b.excludeCurrent = excludeCurrent;
        b.excludeUnavailable = excludeUnavailable;
        b.category = category;
        b.minPrice = minPrice;
        b.maxPrice = maxPrice;
        b.maxPerCategory = maxPerCategory;
        b.cacheTtl = cacheTtl;
        return b;
    }

    public String name() {
        return name;
    }

    public List<Step> chain() {
        return chain;
    }

    public int defaultCount() {
        return defaultCount;
    }

    public int maxCount() {
        return maxCount;
    }

    public boolean excludeViewed() {
        return excludeViewed;
    }

    public boolean excludePurchased() {
        return excludePurchased;
    }

    /** Categories whose items may be recommended again after purchase (consumables). */
    public Set<String> repurchasableCategories() {
        return repurchasableCategories;
    }

    public boolean excludeCart() {
        return excludeCart;
    }

    public boolean excludeCurrent() {
        return excludeCurrent;
    }

    public boolean excludeUnavailable() {
        return excludeUnavailable;
    }

    /** Only items in this category, or {@code null} for any. */
    public String category() {
        return category;
    }

    public BigDecimal minPrice() {
        return minPrice;
    }

    public BigDecimal maxPrice() {
        return maxPrice;
    }

    /** At most this many items of one primary category in a list; 0 for no cap. */
    public int maxPerCategory() {
        return maxPerCategory;
    }

    public Duration cacheTtl() {
        return cacheTtl;
    }

    @Override
    public String toString() {
        return "Placement[" + name + ", chain " + chain + "]";
    }

    /** Builds a {@link Placement}; {@link #build()} checks the settings and says what to fix. */
    public static final class Builder {
        private final String name;
        private final List<Step> chain = new ArrayList<>();
        private int defaultCount = 8;
        private int maxCount = 50;
        private boolean excludeViewed = false;
        private boolean excludePurchased = true;
        private final Set<String> repurchasableCategories = new LinkedHashSet<>();
        private boolean excludeCart = true;
        private boolean excludeCurrent = true;
        private boolean excludeUnavailable = true;
        private String category;
        private BigDecimal minPrice;
        private BigDecimal maxPrice;
        private int maxPerCategory = 0;
        private Duration cacheTtl = Duration.ofMinutes(5);

        private Builder(String name) {
            this.name = name;
        }

        /** Appends a step to the fallback chain. */
        public Builder then(String strategy, StrategyInput input) {
            chain.add(new Step(Objects.requireNonNull(strategy, "strategy"), Objects.requireNonNull(input, "input")));
            return this;
        }

        /**
         * Appends a step that blends two or more strategies in one list (e.g. 0.7 {@code default} on the shopper's
         * history and 0.3 {@code trending}).
         *
         * @throws IllegalArgumentException if fewer than two parts are given, or one strategy and input repeats
         */
        public Builder thenBlend(List<BlendPart> parts) {
            Objects.requireNonNull(parts, "parts");
            if (parts.size() < 2) {
                throw new IllegalArgumentException("Placement " + name + ": a blend needs at least two strategies, "
                        + "was " + parts.size() + " (for one, add it as a plain step)");
            }
            Set<String> seen = new HashSet<>();
            for (BlendPart part : parts) {
                if (!seen.add(part.strategy() + "/" + part.input())) {
                    throw new IllegalArgumentException("Placement " + name + ": the blend names " + part.strategy()
                            + " on " + part.input() + " twice; give it one weight");
                }
            }
            chain.add(new Step(parts));
            return this;
        }

        public Builder clearChain() {
            chain.clear();
            return this;
        }

        public Builder counts(int defaultCount, int maxCount) {
            this.defaultCount = defaultCount;
            this.maxCount = maxCount;
            return this;
        }

        /** Leave out items the shopper has viewed (off by default: seeing an item again helps them decide). */
        public Builder excludeViewed(boolean value) {
            this.excludeViewed = value;
            return this;
        }

        public Builder excludePurchased(boolean value) {
            this.excludePurchased = value;
            return this;
        }

        public Builder repurchasable(String categoryId) {
            this.repurchasableCategories.add(categoryId);
            return this;
        }

        public Builder excludeCart(boolean value) {
            this.excludeCart = value;
            return this;
        }

        public Builder excludeCurrent(boolean value) {
            this.excludeCurrent = value;
            return this;
        }

        public Builder excludeUnavailable(boolean value) {
            this.excludeUnavailable = value;
            return this;
        }

        public Builder category(String categoryId) {
            this.category = categoryId;
            return this;
        }

        public Builder priceRange(BigDecimal min, BigDecimal max) {
            this.minPrice = min;
            this.maxPrice = max;
            return this;
        }

        public Builder maxPerCategory(int value) {
            this.maxPerCategory = value;
            return this;
        }

        public Builder cacheTtl(Duration value) {
            this.cacheTtl = value;
            return this;
        }

        public Placement build() {
            Names.placement(name);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("Placement " + name + " needs at least one strategy in its chain");
            }
            if (maxCount < 1 || maxCount > 200) {
                throw new IllegalArgumentException("Placement " + name + ": maxCount must be 1..200, was " + maxCount);
            }
            if (defaultCount < 1 || defaultCount > maxCount) {
                throw new IllegalArgumentException("Placement " + name + ": defaultCount must be 1.." + maxCount
                        + ", was " + defaultCount);
            }
            if (maxPerCategory < 0) {
                throw new IllegalArgumentException("Placement " + name + ": maxPerCategory cannot be negative");
            }
            if ((minPrice != null && minPrice.signum() < 0) || (maxPrice != null && maxPrice.signum() < 0)) {
                throw new IllegalArgumentException("Placement " + name + ": prices cannot be negative (min "
                        + minPrice + ", max " + maxPrice + ")");
            }
            if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
                throw new IllegalArgumentException("Placement " + name + ": min price " + minPrice
                        + " is above max price " + maxPrice);
            }
            if (cacheTtl == null || cacheTtl.isNegative()) {
                throw new IllegalArgumentException("Placement " + name + ": cache TTL must be zero or more");
            }
            return new Placement(this);
        }
    }
}
