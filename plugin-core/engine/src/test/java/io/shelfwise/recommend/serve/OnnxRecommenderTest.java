package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.UnknownPlacementException;
import io.shelfwise.recommend.onnx.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxRecommenderTest {

    // p0..p9; categories: p0-p4 "bags", p5-p9 "shoes". p8 is out of stock, p9 inactive.
    private static final List<String> ITEMS = Arrays.asList("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
            "p9");
    private static final ShopperKey ANNA = ShopperKey.customer(1);
    private static final ShopperKey BOB = ShopperKey.customer(2);

    private final Map<ShopperKey, List<InteractionEvent>> stored = new HashMap<>();
    private final AtomicLong historyReads = new AtomicLong();
    private final FakeTicker ticker = new FakeTicker();
    private ServingModels models;
    private ShopperActivity activity;
    private OnnxRecommender recommender;

    @BeforeEach
    void setUp() throws ModelLoadException {
        models = new ServingModels();
        // default: each item's neighbours are the next two items of the catalogue (p0 -> p1, p2).
        int[][] next = new int[10][];
        for (int i = 0; i < 10; i++) {
            next[i] = new int[] {(i + 1) % 10, (i + 2) % 10};
        }
        models.activate("default", "default-v1", TestModels.onnx("default", ITEMS, next, new float[10], 0.5));
        // trending: p9 > p8 > ... > p0 (so the rules have to skip p9 and p8)
        float[] trend = new float[10];
        for (int i = 0; i < 10; i++) {
            trend[i] = i;
        }
        models.activate("trending", "trending-v1", TestModels.onnx("trending", ITEMS, new int[10][0], trend, 1));
        activity = new ShopperActivity((shopper, limit) -> {
            historyReads.incrementAndGet();
            List<InteractionEvent> events = new ArrayList<>(stored.getOrDefault(shopper,
                    Collections.<InteractionEvent>emptyList()));
            Collections.reverse(events);
            return events;
        }, 100, Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, ticker);
        recommender = OnnxRecommender.builder(models, activity, new TestCatalogue())
                .placements(StandardPlacements.all())
                .placement(Placement.builder("shoes-under-60").then("trending", StrategyInput.NONE)
                        .category("shoes").priceRange(null, new BigDecimal("60")).build())
                .placement(Placement.builder("diverse").then("trending", StrategyInput.NONE).maxPerCategory(1)
                        .counts(5, 10).build())
                .ticker(ticker).build();
    }

    @AfterEach
    void tearDown() {
        models.close();
    }

    @Test
    void personalisesFromTheStoredHistoryAndExplains() {
        stored.put(ANNA, Arrays.asList(view(ANNA, "p0"), view(ANNA, "p3")));
        RecommendationResponse response = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU, ANNA)
                .count(3).build());
        // p3 (latest, weight 1) gives p4 1.0 and p5 0.5; p0 (weight 0.5) gives p1 0.5 and p2 0.25
        assertThat(ids(response).get(0)).isEqualTo("p4");
        assertThat(ids(response)).containsExactlyInAnyOrder("p4", "p5", "p1");
        assertThat(response.items().get(0).reason()).isEqualTo("Because you viewed Item p3");
        assertThat(response.items().get(0).reasonItemId()).isEqualTo("p3");
        assertThat(response.items().get(0).modelVersion()).isEqualTo("default-v1");
        assertThat(response.fallback()).isFalse();
    }

    @Test
    void unknownShoppersGetTrendingAvailableItems() {
        RecommendationResponse response = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU, null)
                .count(3).build());
        assertThat(ids(response)).containsExactly("p7", "p6", "p5");
        assertThat(response.fallback()).isTrue();
        assertThat(response.items().get(0).reason()).isEqualTo("Trending in Shoes");
        assertThat(response.items().get(0).strategy()).isEqualTo("trending");
    }

    @Test
    void excludesPurchasedCartCurrentAndShownItems() {
        stored.put(ANNA, Arrays.asList(view(ANNA, "p0"), bought(ANNA, "p1")));
        RecommendationResponse response = recommender.recommend(request(StandardPlacements.PDP_ALSO_BOUGHT, ANNA)
                .currentItem("p2").cartItems(Collections.singletonList("p3"))
                .alreadyShown(Collections.singleton("p7")).count(4).build());
        assertThat(ids(response)).doesNotContain("p1", "p2", "p3", "p7", "p8", "p9");
        assertThat(ids(response)).hasSize(4);
        assertThat(ids(response).get(0)).isEqualTo("p4"); // p2's neighbours: p3 (in cart), p4
    }

    @Test
    void categoryPriceAndDiversityRules() {
        RecommendationResponse shoes = recommender.recommend(RecommendationRequest.builder("shoes-under-60")
                .count(5).build());
        // shoes p5..p9: p8/p9 unavailable, p7 costs 70
        assertThat(ids(shoes)).containsExactly("p6", "p5");
        RecommendationResponse diverse = recommender.recommend(RecommendationRequest.builder("diverse").build());
        assertThat(ids(diverse)).containsExactly("p7", "p4");
    }

    @Test
    void requestFiltersNarrowAPlacementAndKeepTheirOwnCacheEntries() {
        RecommendationRequest any = RecommendationRequest.builder(StandardPlacements.HOME_TRENDING).count(3).build();
        assertThat(ids(recommender.recommend(any))).containsExactly("p7", "p6", "p5");

        // "trending in bags" on a category page: the same model, only bags, and the reason names the category
        RecommendationResponse bags = recommender.recommend(RecommendationRequest.builder(
                StandardPlacements.HOME_TRENDING).category("bags").count(3).build());
        assertThat(ids(bags)).containsExactly("p4", "p3", "p2");
        assertThat(bags.cached()).isFalse();
        assertThat(bags.items().get(0).reason()).isEqualTo("Trending in Bags");

        RecommendationResponse midPrice = recommender.recommend(RecommendationRequest.builder(
                StandardPlacements.HOME_TRENDING).priceRange(new BigDecimal("20"), new BigDecimal("50")).count(5)
                .build());
        assertThat(ids(midPrice)).containsExactly("p5", "p4", "p3", "p2");
        // a request filter narrows the placement's own, never widens it
        RecommendationResponse narrower = recommender.recommend(RecommendationRequest.builder("shoes-under-60")
                .category("bags").build());
        assertThat(ids(narrower)).isEmpty();

        assertThatThrownBy(() -> RecommendationRequest.builder("x").priceRange(new BigDecimal("5"), BigDecimal.ONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above the highest");
        assertThatThrownBy(() -> RecommendationRequest.builder("x").priceRange(new BigDecimal("-1"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void cachesUntilTheShopperDoesSomethingOrTheModelChanges() throws ModelLoadException {
        stored.put(ANNA, Collections.singletonList(view(ANNA, "p0")));
        RecommendationRequest request = request(StandardPlacements.HOME_FOR_YOU, ANNA).count(2).build();
        RecommendationResponse first = recommender.recommend(request);
        assertThat(first.cached()).isFalse();
        assertThat(ids(first)).containsExactly("p1", "p2");
        assertThat(recommender.recommend(request).cached()).isTrue();

        // a click in this visit counts at once, before the event store has it
        activity.onEvent(view(ANNA, "p5"));
        RecommendationResponse afterClick = recommender.recommend(request);
        assertThat(afterClick.cached()).isFalse();
        assertThat(ids(afterClick).get(0)).isEqualTo("p6");
        assertThat(afterClick.items().get(0).reason()).isEqualTo("Because you viewed Item p5");
        // reloading the page just seen changes nothing the lists read
        activity.onEvent(view(ANNA, "p5"));
        assertThat(recommender.recommend(request).cached()).isTrue();

        int[][] reversed = new int[10][];
        for (int i = 0; i < 10; i++) {
            reversed[i] = new int[] {(i + 9) % 10};
        }
        models.activate("default", "default-v2", TestModels.onnx("default", ITEMS, reversed, new float[10], 0.5));
        RecommendationResponse afterSwitch = recommender.recommend(request);
        assertThat(afterSwitch.cached()).isFalse();
        assertThat(afterSwitch.items().get(0).modelVersion()).isEqualTo("default-v2");
        assertThat(ids(afterSwitch).get(0)).isEqualTo("p4");

        ticker.advance(Duration.ofMinutes(6));
        assertThat(recommender.recommend(request).cached()).isFalse();
        assertThat(recommender.cacheStats().hitCount()).isEqualTo(2);
    }

    @Test
    void shoppersWithNoHistoryShareOneCachedListAndLeaveItWithTheirFirstClick() {
        RecommendationResponse first = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU,
                ShopperKey.visitor("new-visitor-1")).firstVisit(true).count(3).build());
        RecommendationResponse second = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU,
                ShopperKey.visitor("new-visitor-2")).firstVisit(true).count(3).build());
        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(ids(second)).isEqualTo(ids(first));

        activity.onEvent(view(ShopperKey.visitor("new-visitor-2"), "p5"));
        RecommendationResponse afterClick = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU,
                ShopperKey.visitor("new-visitor-2")).count(3).build());
        assertThat(afterClick.cached()).isFalse();
        assertThat(afterClick.items().get(0).reason()).contains("p5");
        // the shared list is untouched by it
        RecommendationResponse third = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU,
                ShopperKey.visitor("new-visitor-3")).firstVisit(true).count(3).build());
        assertThat(third.cached()).isTrue();
        assertThat(ids(third)).isEqualTo(ids(first));
    }

    @Test
    void oneShoppersActivityNeverReachesAnother() {
        activity.onEvent(view(ANNA, "p5"));
        RecommendationResponse bob = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU, BOB).count(3)
                .build());
        assertThat(bob.items()).noneMatch(r -> r.reason().contains("p5"));
        assertThat(ids(bob)).containsExactly("p7", "p6", "p5");
    }

    @Test
    void aFailingOrMissingModelFallsBackAndACorruptOneNeverReplacesTheActive() throws ModelLoadException {
        models.deactivate("default");
        stored.put(ANNA, Collections.singletonList(view(ANNA, "p0")));
        RecommendationResponse response = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU, ANNA)
                .count(2).build());
        assertThat(ids(response)).containsExactly("p7", "p6");

        assertThatThrownBy(() -> models.activate("trending", "trending-v2", new byte[] {1, 2, 3}))
                .isInstanceOf(ModelLoadException.class);
        assertThat(models.activeVersions()).containsEntry("trending", "trending-v1");
        // a model whose items the catalogue does not know contributes nothing; the chain goes on
        models.activate("default", "default-v9", bytesOverUnknownItems());
        RecommendationResponse stillServed = recommender.recommend(request(StandardPlacements.HOME_FOR_YOU, ANNA)
                .count(2).build());
        assertThat(ids(stillServed)).containsExactly("p7", "p6");
    }

    @Test
    void historyStoreDownServesFromTheVisit() {
        ShopperActivity broken = new ShopperActivity((shopper, limit) -> {
            throw new IllegalStateException("database is down");
        }, 100, Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, ticker);
        OnnxRecommender r = OnnxRecommender.builder(models, broken, new TestCatalogue())
                .placements(StandardPlacements.all()).build();
        broken.onEvent(view(ANNA, "p2"));
        assertThat(ids(r.recommend(request(StandardPlacements.HOME_FOR_YOU, ANNA).count(2).build())))
                .containsExactly("p3", "p4");
    }

    @Test
    void aPlacementCanHaveItsOwnVersionOfAStrategy() throws ModelLoadException {
        int[][] previous = new int[10][];
        for (int i = 0; i < 10; i++) {
            previous[i] = new int[] {(i + 9) % 10};
        }
        models.activate(StandardPlacements.PDP_ALSO_BOUGHT + ".default", "default-v7",
                TestModels.onnx("default", ITEMS, previous, new float[10], 1));
        RecommendationResponse pdp = recommender.recommend(RecommendationRequest.builder(
                StandardPlacements.PDP_ALSO_BOUGHT).currentItem("p5").count(1).build());
        assertThat(ids(pdp)).containsExactly("p4");
        assertThat(pdp.items().get(0).modelVersion()).isEqualTo("default-v7");
        RecommendationResponse cart = recommender.recommend(RecommendationRequest.builder(
                StandardPlacements.CART_COMPLETE).cartItems(Collections.singletonList("p5")).count(1).build());
        assertThat(ids(cart)).containsExactly("p6");
    }

    @Test
    void unknownPlacementIsAClearError() {
        assertThatThrownBy(() -> recommender.recommend(RecommendationRequest.builder("nowhere").build()))
                .isInstanceOf(UnknownPlacementException.class).hasMessageContaining("nowhere")
                .hasMessageContaining(StandardPlacements.HOME_FOR_YOU);
    }

    @Test
    void switchingModelsUnderLoadFailsNoRequest() throws Exception {
        byte[] v1 = TestModels.onnx("default", ITEMS, new int[][] {{1}, {2}, {3}, {4}, {5}, {6}, {7}, {0}, {0}, {0}},
                new float[10], 1);
        byte[] v2 = TestModels.onnx("default", ITEMS, new int[][] {{2}, {3}, {4}, {5}, {6}, {7}, {0}, {1}, {1}, {1}},
                new float[10], 1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                final int shopper = t;
                workers.add(pool.submit(() -> {
                    int served = 0;
                    for (int i = 0; i < 300; i++) {
                        RecommendationResponse response = recommender.recommend(RecommendationRequest
                                .builder(StandardPlacements.PDP_ALSO_BOUGHT).shopper(ShopperKey.visitor("visitor-" + shopper))
                                .currentItem("p" + (i % 7)).count(1).build());
                        if (response.items().size() == 1) {
                            served++;
                        }
                    }
                    return served;
                }));
            }
            for (int i = 0; i < 30; i++) {
                models.activate("default", "default-v" + (i + 2), i % 2 == 0 ? v2 : v1);
            }
            for (Future<Integer> worker : workers) {
                assertThat(worker.get(60, TimeUnit.SECONDS)).isEqualTo(300);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static byte[] bytesOverUnknownItems() {
        List<String> strangers = Arrays.asList("x0", "x1", "x2");
        return TestModels.onnx("default", strangers, new int[][] {{1}, {2}, {0}}, new float[3], 1);
    }

    private static RecommendationRequest.Builder request(String placement, ShopperKey shopper) {
        return RecommendationRequest.builder(placement).shopper(shopper);
    }

    private static List<String> ids(RecommendationResponse response) {
        return response.items().stream().map(Recommendation::itemId).collect(Collectors.toList());
    }

    private static InteractionEvent view(ShopperKey shopper, String item) {
        return InteractionEvent.builder(EventType.PRODUCT_VIEW, shopper, Instant.parse("2026-11-01T10:00:00Z"))
                .item(item).build();
    }

    private static InteractionEvent bought(ShopperKey shopper, String item) {
        return InteractionEvent.builder(EventType.CHECKOUT, shopper, Instant.parse("2026-11-01T10:00:00Z"))
                .item(item).quantity(1).unitPrice(BigDecimal.TEN).order("o1", BigDecimal.TEN).build();
    }

    private static final class TestCatalogue implements Catalogue {
        @Override
        public CatalogueItem item(String id) {
            if (!ITEMS.contains(id)) {
                return null;
            }
            int i = Integer.parseInt(id.substring(1));
            return new CatalogueItem(id, "Item " + id, Collections.singletonList(i < 5 ? "bags" : "shoes"),
                    new BigDecimal(10 * i), i != 9, i != 8);
        }

        @Override
        public String categoryName(String categoryId) {
            return categoryId.substring(0, 1).toUpperCase() + categoryId.substring(1);
        }
    }

    private static final class FakeTicker implements Ticker {
        private long nanos;

        void advance(Duration duration) {
            nanos += duration.toNanos();
        }

        @Override
        public long read() {
            return nanos;
        }
    }
}
