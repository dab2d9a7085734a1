package io.shelfwise.recommend.tuning;

import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationResponse;

import java.util.List;

/**
 * What a shopper (and/or a product page) would see with some placement settings, computed for the admin's preview:
 * the settings previewed, the items with their explanations, and whether the chain fell back. Immutable.
 */
public final class PlacementPreview {

    private final Placement settings;
    private final RecommendationResponse response;

    PlacementPreview(Placement settings, RecommendationResponse response) {
        this.settings = settings;
        this.response = response;
    }

    public Placement settings() {
        return settings;
    }

    /** The items, best first; each says which strategy and model version chose it, and why. */
    public List<Recommendation> items() {
        return response.items();
    }

    /** Some items came from a later step of the chain than the first. */
    public boolean fallback() {
        return response.fallback();
    }
}
