package io.shelfwise.recommend.serve;

import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.StrategyInput;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The sentence under each item and the rules an item must pass, on their own. */
class ExplanationsAndRulesTest {

    private static final CatalogueItem LANTERN = item("22384", "Lantern", "lights", "4.95", true);
    private static final CatalogueItem CANDLE = item("85123", "Candle holder", "lights", "2.55", true);
    private static final CatalogueItem MUG = item("23300", "Mug", "kitchen", "1.25", false);

    private final Map<String, CatalogueItem> items = new HashMap<>();
    private final Catalogue catalogue = new Catalogue() {
        @Override
        public CatalogueItem item(String id) {
            return items.get(id);
        }

        @Override
        public String categoryName(String categoryId) {
            return "lights".equals(categoryId) ? "Lights" : categoryId;
        }
    };
    private final Explanations explanations = new Explanations(catalogue);

    ExplanationsAndRulesTest() {
        items.put(LANTERN.id(), LANTERN);
        items.put(CANDLE.id(), CANDLE);
    }

    @Test
    void eachStrategySaysWhyInItsOwnWords() {
        RequestContext page = context(Placement.builder("pdp").then("also-bought", StrategyInput.CONTEXT_ITEMS)
                .build(), ShopperActivity.ShopperState.EMPTY);

        assertThat(reason("bought-together", StrategyInput.CONTEXT_ITEMS, "22384", page))
                .isEqualTo("Often bought together with Lantern");
        assertThat(reason("also-bought", StrategyInput.CONTEXT_ITEMS, "22384", page))
                .isEqualTo("Customers who bought Lantern also bought this");
        assertThat(reason("also-viewed", StrategyInput.CONTEXT_ITEMS, "22384", page))
                .isEqualTo("Shoppers who viewed Lantern also viewed this");
        assertThat(reason("content", StrategyInput.CONTEXT_ITEMS, "22384", page)).isEqualTo("Similar to Lantern");
        assertThat(reason("default", StrategyInput.SHOPPER_HISTORY, "22384", page))
                .isEqualTo("Because you viewed Lantern");
        assertThat(reason("default", StrategyInput.CONTEXT_ITEMS, "99999", page))
                .as("an item the catalogue does not know is named by its id").isEqualTo("Goes with 99999");
        assertThat(reason("trending", StrategyInput.NONE, null, page)).isEqualTo("Trending in Lights");
        assertThat(reason("pop", StrategyInput.NONE, null, page)).isEqualTo("Popular in Lights");
        assertThat(explanations.reason(new Candidate("85123", 1, "gru", StrategyInput.SHOPPER_HISTORY, "gru@1", null,
                true), page, CANDLE)).isEqualTo("Picked from what you viewed recently");
    }

    @Test
    void unavailableItemsAndPricesOutsideTheRangeAreNotShown() {
        Placement placement = Placement.builder("home").then("pop", StrategyInput.NONE).build();
        RequestContext context = context(placement, ShopperActivity.ShopperState.EMPTY);

        assertThat(PlacementRules.allowed(context, LANTERN)).isTrue();
        assertThat(PlacementRules.allowed(context, MUG)).as("out of stock").isFalse();

        RequestContext cheap = new RequestContext(placement, null, RecommendationRequest.builder("home")
                .priceRange(null, new BigDecimal("3.00")).build(), ShopperActivity.ShopperState.EMPTY);
        assertThat(PlacementRules.allowed(cheap, LANTERN)).isFalse();
        assertThat(PlacementRules.allowed(cheap, CANDLE)).isTrue();

        RequestContext kitchen = new RequestContext(placement, null, RecommendationRequest.builder("home")
                .category("kitchen").build(), ShopperActivity.ShopperState.EMPTY);
        assertThat(PlacementRules.allowed(kitchen, CANDLE)).isFalse();
    }

    @Test
    void whatWasBoughtIsNotShownAgainUnlessItsCategoryIsRepurchasable() {
        ShopperActivity.ShopperState bought = new ShopperActivity.ShopperState(
                ShopperActivity.StoredHistory.EMPTY, Collections.<String>emptyList(),
                new HashSet<>(Arrays.asList("22384")), 1, true);
        Placement noRepeats = Placement.builder("home").then("pop", StrategyInput.NONE).excludePurchased(true).build();

        assertThat(PlacementRules.allowed(context(noRepeats, bought), LANTERN)).isFalse();
        assertThat(PlacementRules.allowed(context(noRepeats.toBuilder().repurchasable("lights").build(), bought),
                LANTERN)).isTrue();
        assertThat(PlacementRules.allowed(context(noRepeats, bought), CANDLE)).isTrue();
    }

    private String reason(String strategy, StrategyInput input, String sourceId, RequestContext context) {
        return explanations.reason(new Candidate("85123", 1, strategy, input, strategy + "@1", sourceId, false),
                context, CANDLE);
    }

    private static RequestContext context(Placement placement, ShopperActivity.ShopperState state) {
        return new RequestContext(placement, null, RecommendationRequest.builder(placement.name()).build(), state);
    }

    private static CatalogueItem item(String id, String name, String category, String price, boolean inStock) {
        return new CatalogueItem(id, name, Collections.singletonList(category), new BigDecimal(price), true, inStock);
    }
}
