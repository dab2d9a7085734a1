package io.shelfwise.recommend.tuning;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.PlacementControl;
import io.shelfwise.recommend.RecommendationRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Strategy tuning per placement, for the admin: read the served, saved and standard settings, preview candidate
 * settings for a shopper or product without saving them, save them (every node applies them through its
 * {@link PlacementSettingsSync}; this one at once) and reset a placement to its standard settings. Settings are
 * built with {@link Placement#builder} (or read with {@link PlacementJson#read}), which checks counts, prices and
 * weights; this class adds the checks that need the store: the placement exists and every strategy is known.
 * Thread-safe.
 */
public final class PlacementTuning {

    private final PlacementControl recommender;
    private final PlacementSettingsStore store;
    private final PlacementSettingsSync sync;
    private final Supplier<Set<String>> knownStrategies;

    /**
     * @param knownStrategies the strategies a chain may name (trained or uploaded ones), asked on each check
     */
    public PlacementTuning(PlacementControl recommender, PlacementSettingsStore store, PlacementSettingsSync sync,
                           Supplier<Set<String>> knownStrategies) {
        this.recommender = Objects.requireNonNull(recommender, "recommender");
        this.store = Objects.requireNonNull(store, "store");
        this.sync = Objects.requireNonNull(sync, "sync");
        this.knownStrategies = Objects.requireNonNull(knownStrategies, "knownStrategies");
    }

    /** The placements that may be tuned, in configuration order. */
    public List<String> placements() {
        return new ArrayList<>(sync.standard().keySet());
    }

    /** What a placement serves on this node now. */
    public Placement served(String placement) {
        Placement served = recommender.placements().get(known(placement));
        return served != null ? served : sync.standard().get(placement);
    }

    /** A placement's standard settings (what a reset returns to). */
    public Placement standard(String placement) {
        return sync.standard().get(known(placement));
    }

    /** A placement's saved override, or empty when it serves its standard settings. */
    public Optional<StoredPlacementSettings> saved(String placement) {
        return store.find(known(placement));
    }

    /** A placement's saves and resets, newest first. */
    public List<PlacementSettingsChange> history(String placement) {
        return store.history(known(placement));
    }

    /** The strategies a chain may name, sorted. */
    public Set<String> strategies() {
        return new TreeSet<>(knownStrategies.get());
    }

    /**
     * Checks settings against what the store has.
     *
     * @throws IllegalArgumentException naming the unknown placement or strategy
     */
    public void validate(Placement settings) {
        Objects.requireNonNull(settings, "settings");
        known(settings.name());
        Set<String> strategies = knownStrategies.get();
        for (Placement.Step step : settings.chain()) {
            for (Placement.BlendPart part : step.parts()) {
                if (!strategies.contains(part.strategy())) {
                    throw new IllegalArgumentException("Placement " + settings.name() + ": unknown strategy '"
                            + part.strategy() + "'; known: " + new TreeSet<>(strategies)
                            + " (train or upload a model of it first)");
                }
            }
        }
    }

    /**
     * What a shopper and/or a product page would see with candidate settings, with explanations: nothing is saved,
     * cached or changed in what is served.
     *
     * @param shopper   the shopper whose history to use, or {@code null} for an unknown one
     * @param productId the product on the page (for item-to-item strategies), or {@code null}
     * @param count     how many items; 0 for the settings' default count
     * @throws IllegalArgumentException if the settings name an unknown placement or strategy, or count is negative
     */
    public PlacementPreview preview(Placement settings, ShopperKey shopper, String productId, int count) {
        validate(settings);
        if (count < 0) {
            throw new IllegalArgumentException("The preview count cannot be negative, was " + count);
        }
        RecommendationRequest.Builder request = RecommendationRequest.builder(settings.name()).shopper(shopper)
                .count(count);
        if (productId != null && !productId.trim().isEmpty()) {
            request.currentItem(productId.trim());
        }
        return new PlacementPreview(settings, recommender.preview(settings, request.build()));
    }

    /**
     * Saves settings as the placement's override and applies them on this node at once (other nodes within their
     * sync interval).
     *
     * @param by who saves them
     * @throws IllegalArgumentException if the settings name an unknown placement or strategy, or {@code by} is blank;
     *                                  nothing is saved
     */
    public StoredPlacementSettings save(Placement settings, String by) {
        validate(settings);
        StoredPlacementSettings stored = store.save(settings, by);
        sync.syncNow();
        return stored;
    }

    /**
     * Returns a placement to its standard settings (the saved override stays in the history).
     *
     * @return {@code false} if it had no override
     */
    public boolean reset(String placement, String by) {
        boolean deleted = store.delete(known(placement), by);
        sync.syncNow();
        return deleted;
    }

    private String known(String placement) {
        Map<String, Placement> standard = sync.standard();
        if (placement == null || !standard.containsKey(placement)) {
            throw new IllegalArgumentException("No placement '" + placement + "' to tune; placements: "
                    + standard.keySet());
        }
        return placement;
    }
}
