package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;

import java.math.BigDecimal;

/**
 * A placement's business rules for one candidate: availability, what the shopper bought (unless repurchasable),
 * the placement's and the request's category and price range. The exclusions by id (cart, current item, viewed,
 * already shown) are in {@link RequestContext}; the cap per category is applied while the list fills.
 */
final class PlacementRules {

    private PlacementRules() {
    }

    static boolean allowed(RequestContext context, CatalogueItem item) {
        Placement placement = context.placement;
        if (placement.excludeUnavailable() && !item.available()) {
            return false;
        }
        if (purchasedExcluded(context, item)) {
            return false;
        }
        RecommendationRequest request = context.request;
        return inCategory(item, placement.category()) && inCategory(item, request.category())
                && inPriceRange(item.price(), placement.minPrice(), placement.maxPrice())
                && inPriceRange(item.price(), request.minPrice(), request.maxPrice());
    }

    private static boolean inCategory(CatalogueItem item, String category) {
        return category == null || item.categories().contains(category);
    }

    private static boolean inPriceRange(BigDecimal price, BigDecimal min, BigDecimal max) {
        if (min != null && (price == null || price.compareTo(min) < 0)) {
            return false;
        }
        return max == null || (price != null && price.compareTo(max) <= 0);
    }

    /** Bought before, and not in a category the placement lets shoppers buy again. */
    private static boolean purchasedExcluded(RequestContext context, CatalogueItem item) {
        Placement placement = context.placement;
        if (!placement.excludePurchased() || !context.state.purchased(item.id())) {
            return false;
        }
        for (String category : item.categories()) {
            if (placement.repurchasableCategories().contains(category)) {
                return false;
            }
        }
        return true;
    }
}
