package io.shelfwise.recommend;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The placements a store gets out of the box, one per page where shoppers decide. Each falls back down a chain
 * so it always fills: personal, then this visit, then item-to-item, then trending.
 */
public final class StandardPlacements {

    public static final String HOME_FOR_YOU = "home-for-you";
    public static final String HOME_TRENDING = "home-trending";
    public static final String PDP_ALSO_BOUGHT = "pdp-also-bought";
    public static final String PDP_SIMILAR = "pdp-similar";
    public static final String PDP_BOUGHT_TOGETHER = "pdp-bought-together";
    public static final String CART_COMPLETE = "cart-complete";
    public static final String CONFIRMATION = "confirmation";
    public static final String SEARCH_EMPTY = "search-empty";

    private StandardPlacements() {
    }

    /**
     * The standard placements with their results cached for {@code ttl}, or for the override given by placement
     * name.
     *
     * @throws IllegalArgumentException if an override names no standard placement or a duration is negative
     */
    public static List<Placement> all(Duration ttl, Map<String, Duration> overrides) {
        List<Placement> standard = all();
        Set<String> names = new HashSet<>();
        for (Placement p : standard) {
            names.add(p.name());
        }
        for (String name : overrides.keySet()) {
            if (!names.contains(name)) {
                throw new IllegalArgumentException("No standard placement '" + name + "' to set a cache TTL for; "
                        + "known: " + names);
            }
        }
        List<Placement> configured = new ArrayList<>(standard.size());
        for (Placement p : standard) {
            Duration value = overrides.containsKey(p.name()) ? overrides.get(p.name()) : ttl;
            configured.add(p.toBuilder().cacheTtl(value).build());
        }
        return configured;
    }

    /** The standard placements, results cached five minutes. */
    public static List<Placement> all() {
        return Arrays.asList(
                Placement.builder(HOME_FOR_YOU)
                        .then("default", StrategyInput.SHOPPER_HISTORY)
                        .then("default", StrategyInput.SESSION)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE)
                        .maxPerCategory(3).build(),
                Placement.builder(HOME_TRENDING)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE)
                        .maxPerCategory(3).build(),
                Placement.builder(PDP_ALSO_BOUGHT)
                        .then("also-bought", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.SESSION)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE).build(),
                Placement.builder(PDP_SIMILAR)
                        .then("content", StrategyInput.CONTEXT_ITEMS)
                        .then("also-viewed", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.CONTEXT_ITEMS)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE).build(),
                Placement.builder(PDP_BOUGHT_TOGETHER)
                        .then("bought-together", StrategyInput.CONTEXT_ITEMS)
                        .then("also-bought", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.CONTEXT_ITEMS)
                        .counts(2, 4).build(),
                Placement.builder(CART_COMPLETE)
                        .then("bought-together", StrategyInput.CONTEXT_ITEMS)
                        .then("also-bought", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.SHOPPER_HISTORY)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE).build(),
                Placement.builder(CONFIRMATION)
                        .then("also-bought", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.CONTEXT_ITEMS)
                        .then("default", StrategyInput.SHOPPER_HISTORY)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE).build(),
                Placement.builder(SEARCH_EMPTY)
                        .then("default", StrategyInput.SHOPPER_HISTORY)
                        .then("trending", StrategyInput.NONE)
                        .then("pop", StrategyInput.NONE)
                        .maxPerCategory(2).build());
    }
}
