package io.shelfwise.serving;

import java.util.Collections;
import java.util.List;

/**
 * The answer to a {@link RecommendationRequest}: the items, best first, and how they were found: whether the
 * placement's first strategy filled the list or the chain fell back, and whether it came from the cache.
 */
public final class RecommendationResponse {

    private final String placement;
    private final List<Recommendation> items;
    private final boolean fallback;
    private final boolean cached;

    public RecommendationResponse(String placement, List<Recommendation> items, boolean fallback, boolean cached) {
        this.placement = placement;
        this.items = Collections.unmodifiableList(items);
        this.fallback = fallback;
        this.cached = cached;
    }

    public String placement() {
        return placement;
    }

    public List<Recommendation> items() {
        return items;
    }

    /** Some items came from a later step of the chain than the first. */
    public boolean fallback() {
        return fallback;
    }

    public boolean cached() {
        return cached;
    }

    RecommendationResponse asCached() {
        return new RecommendationResponse(placement, items, fallback, true);
    }
}
