package io.shelfwise.recommend.experiment;

import io.shelfwise.events.Names;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.StrategyInput;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * One arm of an A/B experiment: its name ({@code A}, {@code B}...), the share of the placement's shoppers it gets,
 * and what it serves: the placement as configured (a control), a model version of its own for one strategy of the
 * chain, other placement settings (a chain order, exclusion or diversity rules), or both. Immutable; made with
 * {@link #builder(String, int)}, whose {@link Builder#build()} checks the name and settings. Whether the arms of an
 * experiment fit together (percents, versions) is checked by {@link ExperimentStore#create}.
 */
public final class Arm {

    private final String name;
    private final int percent;
    private final Long versionId;
    private final String strategy;
    private final Integer versionNumber;
    private final List<ChainStep> chain;
    private final Boolean excludeViewed;
    private final Boolean excludePurchased;
    private final Integer maxPerCategory;

    private Arm(Builder b) {
        this.name = b.name;
        this.percent = b.percent;
        this.versionId = b.versionId;
        this.strategy = b.strategy;
        this.versionNumber = b.versionNumber;
        this.chain = b.chain == null ? null : Collections.unmodifiableList(new ArrayList<>(b.chain));
        this.excludeViewed = b.excludeViewed;
        this.excludePurchased = b.excludePurchased;
        this.maxPerCategory = b.maxPerCategory;
    }

    /**
     * @param name    1 to 32 letters, digits, {@code _} or {@code -}, starting with a letter or digit (e.g. {@code B})
     * @param percent the share of shoppers, a whole number 1..100
     */
    public static Builder builder(String name, int percent) {
        return new Builder(name, percent);
    }

    public String name() {
        return name;
    }

    /** Share of the placement's shoppers, 1..100; an experiment's arms add up to 100. */
    public int percent() {
        return percent;
    }

    /** The registry id of the model version this arm serves, or {@code null} for the placement's usual models. */
    public Long versionId() {
        return versionId;
    }

    /** The strategy of {@link #versionId()} (known once stored), or {@code null}. */
    public String strategy() {
        return strategy;
    }

    /** {@code strategy@number} of the arm's version (known once stored), or {@code null}. */
    public String versionLabel() {
        return strategy == null || versionNumber == null ? null : strategy + "@" + versionNumber;
    }

    /** The number of {@link #versionId()} within its strategy (known once stored), or {@code null}. */
    public Integer versionNumber() {
        return versionNumber;
    }

    /** The arm's own chain of strategies, or {@code null} to keep the placement's. */
    public List<ChainStep> chain() {
        return chain;
    }

    /** The chain as text, {@code strategy:input,...} (e.g. {@code trending:none,pop:none}), or {@code null}. */
    public String chainText() {
        return chain == null ? null : ChainStep.format(chain);
    }

    /** Leave out viewed items on this arm, or {@code null} to keep the placement's rule. */
    public Boolean excludeViewed() {
        return excludeViewed;
    }

    /** Leave out purchased items on this arm, or {@code null} to keep the placement's rule. */
    public Boolean excludePurchased() {
        return excludePurchased;
    }

    /** The arm's cap per category (0: none), or {@code null} to keep the placement's. */
    public Integer maxPerCategory() {
        return maxPerCategory;
    }

    /** Whether the arm changes the placement's settings (not only, or not at all, its models). */
    public boolean changesSettings() {
        return chain != null || excludeViewed != null || excludePurchased != null || maxPerCategory != null;
    }

    /** Whether the arm serves the placement exactly as configured. */
    public boolean isPlain() {
        return versionId == null && !changesSettings();
    }

    /**
     * The placement as this arm serves it: {@code base} with the arm's settings in place of its own.
     *
     * @throws IllegalArgumentException if the result is not a valid placement
     */
    public Placement applyTo(Placement base) {
        if (!changesSettings()) {
            return base;
        }
        Placement.Builder b = base.toBuilder();
        if (chain != null) {
            b.clearChain();
            for (ChainStep step : chain) {
                b.then(step.strategy(), step.input());
            }
        }
        if (excludeViewed != null) {
            b.excludeViewed(excludeViewed);
        }
        if (excludePurchased != null) {
            b.excludePurchased(excludePurchased);
        }
        if (maxPerCategory != null) {
            b.maxPerCategory(maxPerCategory);
        }
        return b.build();
    }

    /** The strategies of the chain this arm serves on {@code base}. */
    Set<String> strategies(Placement base) {
        Set<String> names = new LinkedHashSet<>();
        if (chain != null) {
            for (ChainStep step : chain) {
                names.add(step.strategy());
            }
        } else {
            for (Placement.Step step : base.chain()) {
                names.add(step.strategy());
            }
        }
        return names;
    }

    Arm withVersion(String versionStrategy, int number) {
        Builder b = toBuilder();
        b.strategy = versionStrategy;
        b.versionNumber = number;
        return new Arm(b);
    }

    Builder toBuilder() {
        Builder b = new Builder(name, percent);
        b.versionId = versionId;
        b.strategy = strategy;
        b.versionNumber = versionNumber;
        b.chain = chain == null ? null : new ArrayList<>(chain);
        b.excludeViewed = excludeViewed;
        b.excludePurchased = excludePurchased;
        b.maxPerCategory = maxPerCategory;
        return b;
    }

    /** What the arm serves, in a few words: "as configured", "default@4", "chain trending:none; max 2/category". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (versionId != null) {
            parts.add(versionLabel() != null ? versionLabel() : "version #" + versionId);
        }
        if (chain != null) {
            parts.add("chain " + chainText());
        }
        if (excludeViewed != null) {
            parts.add(excludeViewed ? "viewed excluded" : "viewed kept");
        }
        if (excludePurchased != null) {
            parts.add(excludePurchased ? "purchased excluded" : "purchased kept");
        }
        if (maxPerCategory != null) {
            parts.add(maxPerCategory == 0 ? "no category cap" : "max " + maxPerCategory + "/category");
        }
        return parts.isEmpty() ? "as configured" : String.join("; ", parts);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Arm)) {
            return false;
        }
        Arm a = (Arm) o;
        return name.equals(a.name) && percent == a.percent && Objects.equals(versionId, a.versionId)
                && Objects.equals(strategy, a.strategy) && Objects.equals(versionNumber, a.versionNumber)
                && Objects.equals(chain, a.chain) && Objects.equals(excludeViewed, a.excludeViewed)
                && Objects.equals(excludePurchased, a.excludePurchased)
                && Objects.equals(maxPerCategory, a.maxPerCategory);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, percent, versionId, chain, excludeViewed, excludePurchased, maxPerCategory);
    }

    @Override
    public String toString() {
        return name + " " + percent + "%: " + describe();
    }

    /** One step of an arm's own chain: a strategy and what it reads. Immutable. */
    public static final class ChainStep {
        private final String strategy;
        private final StrategyInput input;

        public ChainStep(String strategy, StrategyInput input) {
            this.strategy = Names.strategy(strategy);
            this.input = Objects.requireNonNull(input, "input");
        }

        public String strategy() {
            return strategy;
        }

        public StrategyInput input() {
            return input;
        }

        /**
         * Reads {@code strategy:input,...}; input is one of {@code shopper_history}, {@code session},
         * {@code context_items}, {@code none} (any case).
         *
         * @throws IllegalArgumentException naming the entry that is not {@code strategy:input}
         */
        public static List<ChainStep> parse(String text) {
            if (text == null || text.trim().isEmpty()) {
                throw new IllegalArgumentException("A chain lists steps as strategy:input, e.g. "
                        + "trending:none,pop:none; it was empty");
            }
            List<ChainStep> steps = new ArrayList<>();
            for (String entry : text.split(",")) {
                String[] parts = entry.trim().split(":");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("Chain step '" + entry.trim() + "' is not strategy:input "
                            + "(e.g. default:shopper_history)");
                }
                StrategyInput input;
                try {
                    input = StrategyInput.valueOf(parts[1].trim().toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Chain step '" + entry.trim() + "': the input is one of "
                            + "shopper_history, session, context_items, none");
                }
                steps.add(new ChainStep(parts[0].trim(), input));
            }
            return steps;
        }

        static String format(List<ChainStep> steps) {
            StringBuilder out = new StringBuilder();
            for (ChainStep step : steps) {
                if (out.length() > 0) {
                    out.append(',');
                }
                out.append(step);
            }
            return out.toString();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ChainStep && ((ChainStep) o).strategy.equals(strategy)
                    && ((ChainStep) o).input == input;
        }

        @Override
        public int hashCode() {
            return strategy.hashCode() * 31 + input.hashCode();
        }

        @Override
        public String toString() {
            return strategy + ":" + input.name().toLowerCase(Locale.ROOT);
        }
    }

    /** Collects an arm's settings; {@link #build()} checks them. */
    public static final class Builder {
        private final String name;
        private final int percent;
        private Long versionId;
        private String strategy;
        private Integer versionNumber;
        private List<ChainStep> chain;
        private Boolean excludeViewed;
        private Boolean excludePurchased;
        private Integer maxPerCategory;

        private Builder(String name, int percent) {
            this.name = name;
            this.percent = percent;
        }

        /** Serve this READY model version (registry id) for its strategy on the placement. */
        public Builder version(long id) {
            this.versionId = id;
            return this;
        }

        /** Serve the placement with this chain instead of its own. */
        public Builder chain(List<ChainStep> steps) {
            this.chain = steps == null ? null : new ArrayList<>(steps);
            return this;
        }

        /** As {@link #chain(List)}, from {@code strategy:input,...} text. */
        public Builder chain(String text) {
            return chain(ChainStep.parse(text));
        }

        public Builder excludeViewed(Boolean value) {
            this.excludeViewed = value;
            return this;
        }

        public Builder excludePurchased(Boolean value) {
            this.excludePurchased = value;
            return this;
        }

        /** At most this many items of one category (0: no cap). */
        public Builder maxPerCategory(Integer value) {
            this.maxPerCategory = value;
            return this;
        }

        /**
         * @throws IllegalArgumentException if the name, the percent or a setting is out of range
         */
        public Arm build() {
            Names.arm(name);
            if (percent < 1 || percent > 100) {
                throw new IllegalArgumentException("Arm " + name + ": its traffic is a whole percent from 1 to 100, was "
                        + percent);
            }
            if (chain != null && chain.isEmpty()) {
                throw new IllegalArgumentException("Arm " + name + ": an arm's own chain needs at least one step");
            }
            if (maxPerCategory != null && maxPerCategory < 0) {
                throw new IllegalArgumentException("Arm " + name + ": the cap per category is 0 (none) or more, was "
                        + maxPerCategory);
            }
            if (versionId != null && versionId <= 0) {
                throw new IllegalArgumentException("Arm " + name + ": a model version id is positive, was "
                        + versionId);
            }
            return new Arm(this);
        }
    }
}
