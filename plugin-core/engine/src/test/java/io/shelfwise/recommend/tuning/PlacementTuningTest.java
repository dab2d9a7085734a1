package io.shelfwise.recommend.tuning;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlacementTuningTest {

    // p0..p5 "bags" priced 10..60, q0..q5 "shoes" priced 10..60
    private static final List<String> ITEMS = Arrays.asList("p0", "p1", "p2", "p3", "p4", "p5",
            "q0", "q1", "q2", "q3", "q4", "q5");
    private static final ShopperKey ANNA = ShopperKey.customer(7);

    private DataSource ds;
    private ServingModels models;
    private List<Placement> standard;
    private PlacementSettingsStore store;
    private OnnxRecommender node1;
    private OnnxRecommender node2;
    private PlacementSettingsSync sync1;
    private PlacementSettingsSync sync2;
    private PlacementTuning tuning;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        models = new ServingModels();
        float[] prior = new float[12];
        for (int i = 0; i < 12; i++) {
            prior[i] = 12 - i; // p0 first ... q5 last
        }
        models.activate("pop", "pop@1", TestModels.onnx("pop", ITEMS, new int[12][0], prior, 1));
        // default: every item's neighbour is the same-position item of the other category (p2 <-> q2), and a
        // small prior the other way round from pop's (q5 first) orders the rest
        int[][] across = new int[12][];
        float[] small = new float[12];
        for (int i = 0; i < 12; i++) {
            across[i] = new int[] {(i + 6) % 12};
            small[i] = i * 0.001f;
        }
        models.activate("default", "default@1", TestModels.onnx("default", ITEMS, across, small, 1));
        standard = Arrays.asList(
                Placement.builder("home").then("default", StrategyInput.SHOPPER_HISTORY).then("pop", StrategyInput.NONE)
                        .counts(4, 10).build(),
                Placement.builder("pdp").then("default", StrategyInput.CONTEXT_ITEMS).then("pop", StrategyInput.NONE)
                        .counts(4, 10).build());
        store = new PlacementSettingsStore(ds, TestModels.CLOCK);
        node1 = recommender();
        node2 = recommender();
        sync1 = new PlacementSettingsSync(store, node1, standard);
        sync2 = new PlacementSettingsSync(store, node2, standard);
        Set<String> strategies = new HashSet<>(Arrays.asList("default", "pop", "trending"));
        tuning = new PlacementTuning(node1, store, sync1, () -> strategies);
    }

    private OnnxRecommender recommender() {
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> shopper.equals(ANNA)
                ? Collections.singletonList(InteractionEvent.builder(EventType.PRODUCT_VIEW, ANNA, Instant.EPOCH)
                .item("q1").build())
                : Collections.<InteractionEvent>emptyList(), 100, Duration.ofMinutes(10), Duration.ofMinutes(30),
                1000, Ticker.systemTicker());
        return OnnxRecommender.builder(models, activity, id -> {
            int i = ITEMS.indexOf(id);
            return i < 0 ? null : new CatalogueItem(id, "Item " + id,
                    Collections.singletonList(id.startsWith("p") ? "bags" : "shoes"),
                    new BigDecimal(10 * (i % 6 + 1)), true, true);
        }).placements(standard).build();
    }

    @AfterEach
    void tearDown() {
        sync1.close();
        sync2.close();
        models.close();
    }

    private static List<String> ids(List<Recommendation> items) {
        return items.stream().map(Recommendation::itemId).collect(Collectors.toList());
    }

    private List<String> served(OnnxRecommender node, String placement) {
        return ids(node.recommend(RecommendationRequest.builder(placement).build()).items());
    }

    private Placement shoesUnder40() {
        return tuning.standard("home").toBuilder().category("shoes").priceRange(null, new BigDecimal("40"))
                .maxPerCategory(2).excludeViewed(true).cacheTtl(Duration.ofSeconds(30)).build();
    }

    @Test
    void previewShowsWhatAShopperWouldSeeWithoutChangingAnything() {
        assertThat(served(node1, "home")).containsExactly("p0", "p1", "p2", "p3");

        PlacementPreview preview = tuning.preview(shoesUnder40(), ANNA, null, 0);

        // Anna viewed q1: its neighbour p1 is a bag, so default's prior orders shoes up to 40 (q1 excluded as
        // viewed), at most two
        assertThat(ids(preview.items())).containsExactly("q3", "q2");
        assertThat(preview.fallback()).isFalse();
        assertThat(preview.items().get(0).strategy()).isEqualTo("default");
        assertThat(preview.items().get(0).reason()).isEqualTo("Popular in shoes");
        PlacementPreview pdp = tuning.preview(tuning.standard("pdp"), null, "p3", 2);
        assertThat(ids(pdp.items())).containsExactly("q3", "q5");
        assertThat(pdp.items().get(0).reason()).isEqualTo("Goes with Item p3");
        // nothing saved, nothing served differently
        assertThat(store.all()).isEmpty();
        assertThat(served(node1, "home")).containsExactly("p0", "p1", "p2", "p3");
        assertThat(tuning.served("home").category()).isNull();
    }

    @Test
    void savedSettingsReachEveryNodeAndResetRestoresTheStandard() {
        assertThat(served(node2, "home")).containsExactly("p0", "p1", "p2", "p3");

        StoredPlacementSettings saved = tuning.save(shoesUnder40(), "alice");

        assertThat(saved.revision()).isEqualTo(1);
        assertThat(saved.updatedBy()).isEqualTo("alice");
        // this node at once; the cached list of the old settings is not served
        assertThat(served(node1, "home")).containsExactly("q0", "q1");
        // another node on its next sync
        assertThat(served(node2, "home")).containsExactly("p0", "p1", "p2", "p3");
        assertThat(sync2.syncNow()).containsEntry("home", "r1");
        assertThat(served(node2, "home")).containsExactly("q0", "q1");
        assertThat(node2.placements().get("home").cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(sync2.syncNow()).isEmpty();

        assertThat(tuning.save(shoesUnder40().toBuilder().maxPerCategory(3).build(), "bob").revision()).isEqualTo(2);
        assertThat(tuning.reset("home", "carol")).isTrue();
        assertThat(served(node1, "home")).containsExactly("p0", "p1", "p2", "p3");
        assertThat(sync2.syncNow()).containsEntry("home", "standard");
        assertThat(served(node2, "home")).containsExactly("p0", "p1", "p2", "p3");
        assertThat(tuning.saved("home")).isEmpty();
        assertThat(tuning.reset("home", "carol")).isFalse();
        // nothing saved is lost: saves and the reset stay in the history
        assertThat(tuning.history("home")).extracting(PlacementSettingsChange::changedBy)
                .containsExactly("carol", "bob", "alice");
        assertThat(tuning.history("home").get(0).isReset()).isTrue();
        assertThat(PlacementJson.read(tuning.history("home").get(2).json()).maxPerCategory()).isEqualTo(2);
    }

    @Test
    void blendsAndEveryRuleSurviveTheStore() {
        Placement blended = Placement.builder("home").thenBlend(Arrays.asList(
                new Placement.BlendPart("default", StrategyInput.SHOPPER_HISTORY, 0.7),
                new Placement.BlendPart("pop", StrategyInput.NONE, 0.3)))
                .then("pop", StrategyInput.NONE).counts(3, 20).excludeViewed(true).excludePurchased(false)
                .repurchasable("coffee").excludeCart(false).excludeCurrent(false).excludeUnavailable(false)
                .category("bags").priceRange(new BigDecimal("9.99"), new BigDecimal("60.00")).maxPerCategory(5)
                .cacheTtl(Duration.ofSeconds(0)).build();
        tuning.save(blended, "alice");
        Placement read = store.find("home").get().placement();
        assertThat(PlacementJson.write(read)).isEqualTo(PlacementJson.write(blended));
        assertThat(read.chain().get(0).parts()).extracting(Placement.BlendPart::weight).containsExactly(0.7, 0.3);
        assertThat(read.minPrice()).isEqualByComparingTo("9.99");
        assertThat(read.repurchasableCategories()).containsExactly("coffee");
        // Anna viewed q1 -> default proposes p1 (0.7); pop adds bags by popularity
        assertThat(ids(node1.recommend(RecommendationRequest.builder("home").shopper(ANNA).build()).items()))
                .containsExactly("p1", "p0", "p2");
    }

    @Test
    void badSettingsAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> tuning.save(Placement.builder("home").then("my-model", StrategyInput.NONE).build(),
                "alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Placement home: unknown strategy 'my-model'; known: [default, pop, trending] (train or "
                        + "upload a model of it first)");
        assertThatThrownBy(() -> tuning.save(Placement.builder("checkout").then("pop", StrategyInput.NONE).build(),
                "alice")).hasMessage("No placement 'checkout' to tune; placements: [home, pdp]");
        assertThatThrownBy(() -> tuning.save(shoesUnder40(), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Say who changes the settings");
        assertThatThrownBy(() -> tuning.preview(shoesUnder40(), null, null, -1))
                .hasMessage("The preview count cannot be negative, was -1");
        assertThatThrownBy(() -> PlacementJson.read("{\"name\":\"home\",\"chain\":[{\"strategy\":\"pop\","
                + "\"input\":\"everything\"}]}")).hasMessage("Unknown input 'everything' for strategy pop; use "
                + "shopper_history, session, context_items or none");
        assertThatThrownBy(() -> PlacementJson.read("{\"name\":\"home\",\"chain\":[{\"strategy\":\"pop\","
                + "\"input\":\"none\"}],\"minPrice\":\"50\",\"maxPrice\":\"5\"}"))
                .hasMessage("Placement home: min price 50 is above max price 5");
        assertThatThrownBy(() -> PlacementJson.read("{\"name\":\"home\",\"chain\":[{\"blend\":["
                + "{\"strategy\":\"pop\",\"input\":\"none\",\"weight\":-1},"
                + "{\"strategy\":\"default\",\"input\":\"session\",\"weight\":1}]}]}"))
                .hasMessageStartingWith("The blend weight of pop must be a positive number, was -1.0");
        assertThatThrownBy(() -> PlacementJson.read("{not json")).hasMessageStartingWith(
                "Placement settings are not valid JSON");
        assertThat(store.all()).isEmpty();
        assertThat(tuning.history("home")).isEmpty();
        assertThat(served(node1, "home")).containsExactly("p0", "p1", "p2", "p3");
    }

    @Test
    void anUnreadableSavedRowIsSkippedNotApplied() throws Exception {
        tuning.save(shoesUnder40(), "alice");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE SW_PLACEMENT_SETTINGS SET SETTINGS_JSON = '{\"name\":\"home\"}', "
                    + "REVISION = 2 WHERE PLACEMENT = 'home'");
        }
        assertThat(store.all()).isEmpty();
        // node 2 had not applied r1; it keeps serving its standard settings rather than failing
        sync2.syncNow();
        assertThat(served(node2, "home")).containsExactly("p0", "p1", "p2", "p3");
    }
}
