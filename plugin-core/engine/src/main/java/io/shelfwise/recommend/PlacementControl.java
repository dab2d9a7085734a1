package io.shelfwise.recommend;

import java.util.Map;

/**
 * The placements a recommender serves, as the admin and placement tuning see them: what each is configured with,
 * what a candidate configuration would show, and applying one. Thread-safe.
 */
public interface PlacementControl {

    /** The placements as configured (without any A/B arm's variant), by name. */
    Map<String, Placement> placements();

    /** Replaces or adds a placement's configuration; what was cached for it goes stale at once. */
    void configure(Placement placement);

    /**
     * What {@code candidate} (a placement's settings, saved or not) would show for the request, computed now: the
     * request's own placement name is ignored and what shoppers are served does not change.
     */
    RecommendationResponse preview(Placement candidate, RecommendationRequest request);
}
