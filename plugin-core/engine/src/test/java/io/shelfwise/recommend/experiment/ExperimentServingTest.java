package io.shelfwise.recommend.experiment;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import io.shelfwise.recommend.tuning.PlacementSettingsStore;
import io.shelfwise.recommend.tuning.PlacementSettingsSync;
import io.shelfwise.recommend.tuning.PlacementTuning;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real ONNX models served through the recommender while experiments run, as every node would serve them. */
class ExperimentServingTest {

    private static final String PLACEMENT = StandardPlacements.HOME_TRENDING;

    @TempDir
    Path dir;
    private ExperimentTestBed bed;
    private ServingModels models;
    private OnnxRecommender recommender;
    private ExperimentSync sync;

    @BeforeEach
    void setUp() throws Exception {
        bed = new ExperimentTestBed(dir);
        models = new ServingModels();
        // the control: trending ranks p0 first; pop ranks p3 first (the chain's fallback)
        ModelVersion control = bed.ready("trending", 6, 5, 4, 3, 2, 1);
        models.activate("trending", control.label(), TestModels.onnx("trending", ExperimentTestBed.ITEMS,
                new int[6][0], new float[] {6, 5, 4, 3, 2, 1}, 1));
        models.activate("pop", "pop@1", TestModels.onnx("pop", ExperimentTestBed.ITEMS, new int[6][0],
                new float[] {1, 2, 3, 9, 2, 1}, 1));
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 100,
                Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        recommender = OnnxRecommender.builder(models, activity, new Shop()).placements(StandardPlacements.all())
                .build();
        bed.placements.clear();
        bed.placements.putAll(recommender.placements());
        sync = new ExperimentSync(bed.store, bed.registry, recommender);
    }

    @AfterEach
    void tearDown() {
        sync.close();
        models.close();
    }

    private RecommendationResponse ask(ShopperKey shopper) {
        return recommender.recommend(RecommendationRequest.builder(PLACEMENT).shopper(shopper).count(3).build());
    }

    @Test
    void eachShopperGetsTheirArmsVersionAndTheResponseNamesTheArm() throws Exception {
        ModelVersion v2 = bed.ready("trending", 1, 2, 3, 4, 5, 6); // ranks p5 first
        Experiment e = bed.store.create("trending v2", PLACEMENT, Arrays.asList(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).version(v2.id()).build()), "alice");
        bed.store.start(e.id(), "alice");
        sync.start(Duration.ofHours(1));
        assertThat(sync.armVersions()).containsEntry("experiment-" + e.id() + ".B.trending", "trending@2");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            ShopperKey shopper = ShopperKey.customer(i);
            String arm = ArmAssignment.arm(e, shopper).name();
            seen.add(arm);
            RecommendationResponse first = ask(shopper);
            assertThat(first.arm()).isEqualTo(arm);
            assertThat(first.items().get(0).itemId()).isEqualTo(arm.equals("A") ? "p0" : "p5");
            assertThat(first.items().get(0).modelVersion()).isEqualTo(arm.equals("A") ? "trending@1" : "trending@2");
            RecommendationResponse again = ask(shopper);
            assertThat(again.cached()).isTrue();
            assertThat(again.arm()).isEqualTo(arm);
            assertThat(again.items()).isEqualTo(first.items());
        }
        assertThat(seen).containsExactlyInAnyOrder("A", "B");
        // nobody in particular cannot be measured: served as configured, no arm
        RecommendationResponse anonymous = ask(null);
        assertThat(anonymous.arm()).isNull();
        assertThat(anonymous.items().get(0).itemId()).isEqualTo("p0");

        bed.store.stop(e.id(), "alice");
        sync.syncNow();
        assertThat(sync.armVersions()).isEmpty();
        ShopperKey inB = firstIn(e, "B");
        RecommendationResponse after = ask(inB);
        assertThat(after.arm()).isNull();
        assertThat(after.items().get(0).itemId()).isEqualTo("p0");
    }

    @Test
    void anArmWithOtherSettingsServesThemAndPromotionMakesThemThePlacementsOwn() {
        Experiment e = bed.store.create("pop first", PLACEMENT, Arrays.asList(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).chain("pop:none,trending:none").build()), "alice");
        bed.store.start(e.id(), "alice");
        sync.start(Duration.ofHours(1));
        assertThat(ask(firstIn(e, "B")).items().get(0).itemId()).isEqualTo("p3");
        assertThat(ask(firstIn(e, "A")).items().get(0).itemId()).isEqualTo("p0");
        assertThat(recommender.placements().get(PLACEMENT).chain().get(0).strategy()).isEqualTo("trending");

        PlacementSettingsStore settingsStore = new PlacementSettingsStore(bed.dataSource, bed.clock);
        PlacementSettingsSync settingsSync = new PlacementSettingsSync(settingsStore, recommender,
                StandardPlacements.all());
        PlacementTuning tuning = new PlacementTuning(recommender, settingsStore, settingsSync,
                () -> new HashSet<>(Arrays.asList("trending", "pop")));
        ExperimentPromotion.Promoted promoted = new ExperimentPromotion(bed.store, tuning).promote(e.id(), "B",
                "alice");
        sync.syncNow();
        assertThat(promoted.settings().updatedBy()).isEqualTo("alice");
        assertThat(recommender.placements().get(PLACEMENT).chain().get(0).strategy()).isEqualTo("pop");
        RecommendationResponse formerlyA = ask(firstIn(e, "A"));
        assertThat(formerlyA.arm()).isNull();
        assertThat(formerlyA.items().get(0).itemId()).isEqualTo("p3");
        // the promotion is the placement's saved settings: a sync of the experiments leaves it, a reset undoes it
        sync.syncNow();
        settingsSync.syncNow();
        assertThat(recommender.placements().get(PLACEMENT).chain().get(0).strategy()).isEqualTo("pop");
        assertThat(tuning.history(PLACEMENT)).hasSize(1);
        assertThat(tuning.reset(PLACEMENT, "bob")).isTrue();
        assertThat(recommender.placements().get(PLACEMENT).chain().get(0).strategy()).isEqualTo("trending");
        assertThat(ask(firstIn(e, "B")).items().get(0).itemId()).isEqualTo("p0");
    }

    @Test
    void anArmWhoseSettingsNoLongerFitIsNotPromoted() {
        Experiment e = bed.store.create("pop first", PLACEMENT, Arrays.asList(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).chain("pop:none").build()), "alice");
        bed.store.start(e.id(), "alice");
        PlacementSettingsStore settingsStore = new PlacementSettingsStore(bed.dataSource, bed.clock);
        PlacementTuning tuning = new PlacementTuning(recommender, settingsStore,
                new PlacementSettingsSync(settingsStore, recommender, StandardPlacements.all()),
                () -> Collections.singleton("trending")); // pop is gone
        assertThatThrownBy(() -> new ExperimentPromotion(bed.store, tuning).promote(e.id(), "B", "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pop");
        assertThat(bed.store.get(e.id()).get().winnerArm()).isNull();
        assertThat(bed.store.get(e.id()).get().isRunning()).isTrue();
        assertThat(tuning.saved(PLACEMENT)).isEmpty();
    }

    @Test
    void anArmVersionThatCannotBeLoadedFallsBackDownTheChainAndNeverBreaksThePage() throws Exception {
        ModelVersion v2 = bed.ready("trending", 1, 2, 3, 4, 5, 6);
        Files.write(dir.resolve("trending-v2.onnx"), new byte[] {1, 2, 3});
        Experiment e = bed.store.create("broken", PLACEMENT, Arrays.asList(Arm.builder("A", 50).build(),
                Arm.builder("B", 50).version(v2.id()).build()), "alice");
        bed.store.start(e.id(), "alice");
        recommender.selectArms(sync);
        assertThat(sync.syncNow()).containsOnlyKeys("experiment-" + e.id() + ".B.trending");
        assertThat(sync.syncNow().values()).containsExactly("refused earlier: trending@2");
        RecommendationResponse b = ask(firstIn(e, "B"));
        assertThat(b.arm()).isEqualTo("B");
        // not the control's trending model: the arm's step is skipped and pop fills the list
        assertThat(b.items().get(0).itemId()).isEqualTo("p3");
        assertThat(b.fallback()).isTrue();
        assertThat(ask(firstIn(e, "A")).items().get(0).itemId()).isEqualTo("p0");
    }

    private static ShopperKey firstIn(Experiment e, String arm) {
        for (int i = 0; ; i++) {
            ShopperKey shopper = ShopperKey.customer(1000 + i);
            if (ArmAssignment.arm(e, shopper).name().equals(arm)) {
                return shopper;
            }
        }
    }

    private static final class Shop implements Catalogue {
        @Override
        public CatalogueItem item(String id) {
            return new CatalogueItem(id, "Item " + id, Collections.singletonList("c" + id), BigDecimal.TEN, true,
                    true);
        }

        @Override
        public String categoryName(String categoryId) {
            return categoryId;
        }
    }
}
