package io.shelfwise.recommend;

/**
 * Recommends items for a placement. Implementations are thread-safe and never fail a page for a model's sake:
 * a model that errors or knows nothing of the shopper hands over to the next step of the placement's chain.
 */
public interface Recommender {

    /**
     * @throws UnknownPlacementException if the placement is not configured
     */
    RecommendationResponse recommend(RecommendationRequest request);
}
