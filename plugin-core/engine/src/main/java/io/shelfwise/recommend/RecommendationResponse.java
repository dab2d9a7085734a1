package io.shelfwise.recommend;

import java.util.Collections;
import java.util.List;

/**
 * The answer to a {@link RecommendationRequest}: the items, best first, and how they were found: whether the
 * placement's first strategy filled the list or the chain fell back, whether it came from the cache, and the A/B
 * arm it was made for.
 */
public final class RecommendationResponse {

    private final String placement;
    private final List<Recommendation> items;
    private final boolean fallback;
    private final boolean cached;
    private final String arm;

    public RecommendationResponse(String placement, List<Recommendation> items, boolean fallback, boolean cached) {
        this(placement, items, fallback, cached, null);
    }

    /** @param arm the A/B arm the list was made for, or {@code null} outside an experiment */
    public RecommendationResponse(String placement, List<Recommendation> items, boolean fallback, boolean cached,
                                  String arm) {
        this.placement = placement;
        this.items = Collections.unmodifiableList(items);
        this.fallback = fallback;
        this.cached = cached;
        this.arm = arm;
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

    /** The A/B arm the shopper is in on this placement, or {@code null} when no experiment runs there. */
    public String arm() {
        return arm;
    }

    public RecommendationResponse asCached() {
        return new RecommendationResponse(placement, items, fallback, true, arm);
    }
}
