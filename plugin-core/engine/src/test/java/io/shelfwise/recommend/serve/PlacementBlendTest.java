package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.onnx.TestModels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementBlendTest {

    private static final List<String> ITEMS = Arrays.asList("p0", "p1", "p2", "p3", "p4", "p5");

    private ServingModels models;
    private OnnxRecommender recommender;

    @BeforeEach
    void setUp() throws Exception {
        models = new ServingModels();
        // pop: p0 > p1 > ... > p5; trending: the reverse, p5 > p4 > ... > p0
        models.activate("pop", "pop@1", TestModels.onnx("pop", ITEMS, new int[6][0],
                new float[] {60, 50, 40, 30, 20, 10}, 1));
        models.activate("trending", "trending@1", TestModels.onnx("trending", ITEMS, new int[6][0],
                new float[] {0, 1, 2, 3, 4, 50}, 1));
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 100,
                Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        recommender = OnnxRecommender.builder(models, activity, id -> ITEMS.contains(id)
                ? new CatalogueItem(id, "Item " + id, Collections.singletonList("all"), BigDecimal.TEN, true, true)
                : null).placement(Placement.builder("home").then("pop", StrategyInput.NONE).build()).build();
    }

    @AfterEach
    void tearDown() {
        models.close();
    }

    private static Placement blend(double pop, double trending) {
        return Placement.builder("home").thenBlend(Arrays.asList(
                new Placement.BlendPart("pop", StrategyInput.NONE, pop),
                new Placement.BlendPart("trending", StrategyInput.NONE, trending))).counts(3, 6).build();
    }

    private List<String> ids(Placement placement) {
        return recommender.preview(placement, RecommendationRequest.builder("home").build()).items().stream()
                .map(Recommendation::itemId).collect(Collectors.toList());
    }

    @Test
    void weightsDecideTheOrderAndTheStrongestPartExplains() {
        // scaled per strategy: pop p0 1, p1 .8, p2 .6, p3 .4, p4 .2, p5 0; trending p5 1, p4 .08, ..., p0 0
        assertThat(ids(blend(0.9, 0.1))).containsExactly("p0", "p1", "p2");
        assertThat(ids(blend(0.1, 0.9))).containsExactly("p5", "p0", "p1");
        RecommendationResponse response = recommender.preview(blend(0.5, 0.5),
                RecommendationRequest.builder("home").build());
        // p5: 0.5 * 1 (trending) = 0.5; p0: 0.5 * 1 (pop) = 0.5; p1: 0.5 * .8 + 0.5 * .02 = 0.41
        assertThat(response.items()).extracting(Recommendation::itemId).containsExactlyInAnyOrder("p5", "p0", "p1");
        Recommendation p5 = response.items().stream().filter(r -> r.itemId().equals("p5")).findFirst().get();
        assertThat(p5.strategy()).isEqualTo("trending");
        assertThat(p5.modelVersion()).isEqualTo("trending@1");
        assertThat(p5.reason()).isEqualTo("Trending in all");
        assertThat(p5.score()).isEqualTo(0.5f);
    }

    @Test
    void aBlendPartWithoutAModelAddsNothing() {
        models.deactivate("trending");
        assertThat(ids(blend(0.1, 0.9))).containsExactly("p0", "p1", "p2");
    }

    @Test
    void previewChangesNothingServed() {
        assertThat(recommender.recommend(RecommendationRequest.builder("home").count(3).build()).items())
                .extracting(Recommendation::itemId).containsExactly("p0", "p1", "p2");
        assertThat(ids(blend(0.1, 0.9))).containsExactly("p5", "p0", "p1");
        RecommendationResponse served = recommender.recommend(RecommendationRequest.builder("home").count(3).build());
        assertThat(served.cached()).isTrue();
        assertThat(served.items()).extracting(Recommendation::itemId).containsExactly("p0", "p1", "p2");
        assertThat(recommender.placements().get("home").chain().get(0).isBlend()).isFalse();
        assertThat(recommender.cacheStats().requestCount()).isEqualTo(2);
    }

    @Test
    void badBlendsAreRefusedWithWhatToFix() {
        assertThatThrownBy(() -> blend(-0.2, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The blend weight of pop must be a positive number, was -0.2 (to leave a strategy out, "
                        + "remove it from the blend)");
        assertThatThrownBy(() -> Placement.builder("home").thenBlend(Collections.singletonList(
                new Placement.BlendPart("pop", StrategyInput.NONE, 1)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a blend needs at least two strategies");
        assertThatThrownBy(() -> Placement.builder("home").thenBlend(Arrays.asList(
                new Placement.BlendPart("pop", StrategyInput.NONE, 1),
                new Placement.BlendPart("pop", StrategyInput.NONE, 2)))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names pop on NONE twice");
        assertThatThrownBy(() -> Placement.builder("home").then("pop", StrategyInput.NONE)
                .priceRange(new BigDecimal("50"), new BigDecimal("10")).build())
                .hasMessage("Placement home: min price 50 is above max price 10");
    }
}
