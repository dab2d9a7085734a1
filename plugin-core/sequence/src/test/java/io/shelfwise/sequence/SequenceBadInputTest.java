package io.shelfwise.sequence;

import ai.onnx.proto.OnnxMl;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.OnnxSequenceModel;
import io.shelfwise.recommend.onnx.RankedItems;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Degenerate histories, unknown ids at serving, damaged artifacts and interrupted training. */
class SequenceBadInputTest {

    private static SequenceModel model;
    private static byte[] onnx;

    @BeforeAll
    static void train() {
        model = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.selfAttention()).maxEpochs(2));
        onnx = SequenceFixtures.onnx(model);
    }

    @Test
    void sameSeedTrainsTheSameWeights() {
        SequenceModel again = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.selfAttention())
                .maxEpochs(2));
        for (String name : model.tensorNames()) {
            assertThat(again.tensor(name)).as(name).containsExactly(model.tensor(name));
        }
    }

    @Test
    void historiesOfOneItemOnlyCannotTrain() {
        int[][] sequences = new int[20][];
        for (int u = 0; u < sequences.length; u++) {
            sequences[u] = new int[] {u % 5};
        }
        InteractionData data = InteractionData.of(sequences, userIds(20), SequenceFixtures.itemIds(5));
        assertThatThrownBy(() -> new SequenceTrainer(SequenceFixtures.tiny(SequenceSettings.gru()).build(),
                line -> { }).train(data))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two items");
    }

    @Test
    void oneRepeatedItemAndSingleItemHistoriesTrainAndRank() throws Exception {
        int[][] sequences = new int[30][];
        for (int u = 0; u < sequences.length; u++) {
            // a third repeat item 3 only, a third have one item, the rest walk
            sequences[u] = u % 3 == 0 ? new int[] {3, 3, 3, 3, 3} : u % 3 == 1 ? new int[] {u % 10}
                    : new int[] {u % 10, (u + 1) % 10, (u + 2) % 10};
        }
        InteractionData data = InteractionData.of(sequences, userIds(30), SequenceFixtures.itemIds(10));
        SequenceModel repeated = new SequenceTrainer(SequenceFixtures.tiny(SequenceSettings.gru()).build(),
                line -> { }).train(data);
        byte[] bytes = io.shelfwise.recommend.onnx.SequenceGraph.export(repeated, io.shelfwise.recommend.onnx.TrainingProvenance.of(
                repeated, data, "repeats", SequenceTrainer.class, SequenceFixtures.CLOCK)).toByteArray();
        try (OnnxSequenceModel served = OnnxSequenceModel.load(bytes)) {
            RankedItems ranked = served.rank(new int[] {3, 3, 3, 3}, new int[] {3}, 5);
            assertThat(ranked.size()).isEqualTo(5);
            for (int r = 0; r < ranked.size(); r++) {
                assertThat(ranked.item(r)).isNotEqualTo(3);
            }
            assertThat(served.rank(new int[] {7}, new int[0], 10).size()).isEqualTo(10);
        }
    }

    @Test
    void unknownIdsAtServingAreRefusedOrSkipped() throws Exception {
        try (OnnxSequenceModel served = OnnxSequenceModel.load(onnx)) {
            assertThat(served.indexOf("no-such-item")).isEqualTo(-1);
            assertThatThrownBy(() -> served.rank(new int[] {1, SequenceFixtures.ITEMS}, new int[0], 5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the catalogue");
            assertThatThrownBy(() -> served.rank(new int[] {1}, new int[] {-1}, 5))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(served.rank(new int[0], new int[0], 5).size()).isZero();
            // longer than the model reads: only the latest items count
            int[] tail = {5, 6, 7, 8, 9, 10, 11, 12};
            int[] longer = {30, 31, 32, 33, 5, 6, 7, 8, 9, 10, 11, 12};
            assertThat(items(served.rank(longer, new int[0], 10))).containsExactly(items(served.rank(tail,
                    new int[0], 10)));
        }
        float[] scores = new float[model.numItems()];
        model.score(new int[] {-4, SequenceFixtures.ITEMS + 3}, scores);
        assertThat(scores).containsOnly(0f);
    }

    @Test
    void servesThroughTheRecommenderAndIgnoresUnknownProducts() throws Exception {
        ServingModels models = new ServingModels();
        models.activate("sasrec", "sasrec@1", onnx);
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 100,
                Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, System::nanoTime);
        Catalogue catalogue = id -> id.startsWith("item-") ? new CatalogueItem(id, id,
                Collections.singletonList("all"), BigDecimal.ONE, true, true) : null;
        OnnxRecommender recommender = OnnxRecommender.builder(models, activity, catalogue)
                .placement(Placement.builder("next").then("sasrec", StrategyInput.SESSION).build()).build();
        try {
            RecommendationResponse response = recommender.recommend(RecommendationRequest.builder("next")
                    .sessionItems(Arrays.asList("item-3", "not-in-the-model", "item-4")).count(5).build());
            assertThat(response.items()).hasSize(5);
            assertThat(response.items().get(0).modelVersion()).isEqualTo("sasrec@1");
            // the model reads the visit as a whole: the reason says so rather than naming one item
            assertThat(response.items()).allSatisfy(r ->
                    assertThat(r.reason()).isEqualTo("Picked from what you viewed recently"));
        } finally {
            models.close();
        }
    }

    @Test
    void damagedArtifactsAreRefusedWithAReason() {
        assertThatThrownBy(() -> RankingModels.load(new byte[] {1, 2, 3, 4}))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("Not a valid ONNX model");
        assertThatThrownBy(() -> OnnxSequenceModel.load(Arrays.copyOf(onnx, onnx.length / 2)))
                .isInstanceOf(ModelLoadException.class);
        assertThatThrownBy(() -> OnnxSequenceModel.load(withMetadata(NeighbourGraph.META_FORMAT, "something-else")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("Not a Shelfwise sequence graph");
        // an item list longer than the embedding table: the dry run notices
        List<String> more = new ArrayList<>(SequenceFixtures.itemIds(SequenceFixtures.ITEMS + 1));
        assertThatThrownBy(() -> OnnxSequenceModel.load(withMetadata(NeighbourGraph.META_ITEMS,
                String.join("\n", more) + "\n")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("dry run");
        assertThatThrownBy(() -> OnnxSequenceModel.load(withMetadata("shelfwise.max-length", "zero")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("maximum history length");
    }

    @Test
    void anInterruptedRunProducesNoModel() {
        SequenceTrainer trainer = new SequenceTrainer(SequenceFixtures.tiny(SequenceSettings.gru()).build(),
                line -> { });
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> trainer.train(SequenceFixtures.data(new Random(1), 100)))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("no model was produced");
        } finally {
            Thread.interrupted();
        }
    }

    private static byte[] withMetadata(String key, String value) throws Exception {
        OnnxMl.ModelProto.Builder proto = OnnxMl.ModelProto.parseFrom(onnx).toBuilder();
        for (int i = 0; i < proto.getMetadataPropsCount(); i++) {
            if (proto.getMetadataProps(i).getKey().equals(key)) {
                proto.setMetadataProps(i, proto.getMetadataProps(i).toBuilder().setValue(value));
            }
        }
        return proto.build().toByteArray();
    }

    private static int[] items(RankedItems ranked) {
        int[] ids = new int[ranked.size()];
        for (int r = 0; r < ids.length; r++) {
            ids[r] = ranked.item(r);
        }
        return ids;
    }

    private static List<String> userIds(int n) {
        List<String> ids = new ArrayList<>();
        for (int u = 0; u < n; u++) {
            ids.add("u" + u);
        }
        return ids;
    }
}
