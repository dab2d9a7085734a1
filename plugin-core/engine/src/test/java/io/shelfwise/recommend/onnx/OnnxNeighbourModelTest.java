package io.shelfwise.recommend.onnx;

import ai.onnx.proto.OnnxMl;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;
import org.tribuo.provenance.ModelProvenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OnnxNeighbourModelTest {

    private static final java.time.Clock CLOCK = TestModels.CLOCK;

    @Test
    void onnxRanksExactlyAsThePlainJavaScorer() throws Exception {
        InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(7), 300, 80, 12);
        ItemKnnTrainer trainer = new ItemKnnTrainer("default", 30, 0.85, 0, 0.35, 4, 3, 1e-3);
        NeighbourModel model = trainer.train(data);
        try (OnnxNeighbourModel onnx = OnnxNeighbourModel.load(export(model, data).toByteArray())) {
            Random random = new Random(11);
            for (int trial = 0; trial < 200; trial++) {
                int[] history = data.sequence(random.nextInt(data.numUsers()));
                int[] exclude = Arrays.stream(history).distinct().toArray();
                RankedItems ranked = onnx.rank(history, exclude, 10);
                float[] scores = new float[model.numItems()];
                model.score(history, scores);
                for (int e : exclude) {
                    scores[e] = Float.NEGATIVE_INFINITY;
                }
                assertThat(ranked.size()).isEqualTo(10);
                for (int r = 0; r < ranked.size(); r++) {
                    int item = ranked.item(r);
                    assertThat(scores[item]).isCloseTo(ranked.score(r), org.assertj.core.data.Offset.offset(1e-4f));
                    assertThat(exclude).doesNotContain(item);
                    // nothing outside the list scores higher than what the list holds at this rank
                    int better = 0;
                    for (int i = 0; i < scores.length; i++) {
                        if (scores[i] > ranked.score(r) + 1e-4f) {
                            better++;
                        }
                    }
                    assertThat(better).isLessThanOrEqualTo(r);
                }
            }
        }
    }

    @Test
    void saysWhichHistoryItemARecommendationCameFrom() throws Exception {
        // items: 0 a, 1 b, 2 c, 3 d. a is followed by b for everyone; c by d.
        List<String> items = Arrays.asList("a", "b", "c", "d");
        int[][] neighbours = {{1}, {0}, {3}, {2}};
        float[][] weights = {{0.9f}, {0.9f}, {0.5f}, {0.5f}};
        NeighbourModel model = new NeighbourModel("default", items, neighbours, weights, new float[4], 0.5);
        InteractionData data = InteractionData.of(new int[][] {{0, 1}, {2, 3}}, Arrays.asList("u1", "u2"), items);
        try (OnnxNeighbourModel onnx = OnnxNeighbourModel.load(export(model, data).toByteArray())) {
            RankedItems ranked = onnx.rank(new int[] {2, 0}, new int[] {0, 2}, 4);
            assertThat(ranked.size()).isEqualTo(2);
            assertThat(ranked.item(0)).isEqualTo(1);
            assertThat(ranked.source(0)).isEqualTo(1);
            assertThat(ranked.score(0)).isEqualTo(0.9f);
            assertThat(ranked.item(1)).isEqualTo(3);
            assertThat(ranked.source(1)).isEqualTo(0);
            assertThat(ranked.score(1)).isEqualTo(0.25f);
        }
    }

    @Test
    void popularityServesEmptyHistoriesAndCarriesProvenance() throws Exception {
        InteractionData data = InteractionData.of(new int[][] {{0, 1}, {1, 2}, {1}},
                Arrays.asList("u1", "u2", "u3"), Arrays.asList("x", "y", "z"));
        NeighbourModel pop = new PopularityTrainer().train(data);
        try (OnnxNeighbourModel onnx = OnnxNeighbourModel.load(export(pop, data).toByteArray())) {
            RankedItems ranked = onnx.rank(new int[0], new int[0], 50);
            assertThat(ranked.size()).isEqualTo(3);
            assertThat(ranked.item(0)).isEqualTo(1);
            assertThat(ranked.score(0)).isEqualTo(3f);
            assertThat(ranked.source(0)).isEqualTo(-1);
            assertThat(onnx.strategy()).isEqualTo("pop");
            assertThat(onnx.itemIds()).containsExactly("x", "y", "z");
            assertThat(onnx.indexOf("z")).isEqualTo(2);
            assertThat(onnx.indexOf("nope")).isEqualTo(-1);
            ModelProvenance provenance = onnx.provenance();
            assertThat(provenance.getTrainerProvenance().getClassName()).isEqualTo(PopularityTrainer.class.getName());
            assertThat(provenance.getDatasetProvenance().getNumExamples()).isEqualTo(3);
            assertThat(provenance.getDatasetProvenance().getNumFeatures()).isEqualTo(3);
            assertThat(provenance.getTrainingTime().toInstant()).isEqualTo(CLOCK.instant());
            assertThat(provenance.getTrainerProvenance().getConfiguredParameters().get("neighbours").toString())
                    .contains("7");
        }
    }

    @Test
    void rejectsBytesThatAreNotAServableModel() throws Exception {
        InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(3), 20, 10, 4);
        byte[] good = export(new PopularityTrainer().train(data), data).toByteArray();

        assertThatThrownBy(() -> OnnxNeighbourModel.load(new byte[0])).isInstanceOf(ModelLoadException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> OnnxNeighbourModel.load("not a model".getBytes("UTF-8")))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("Not a valid ONNX model");
        assertThatThrownBy(() -> OnnxNeighbourModel.load(Arrays.copyOf(good, good.length / 2)))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("Not a valid ONNX model");

        OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(good);
        OnnxMl.ModelProto wrongFormat = withMetadata(proto, NeighbourGraph.META_FORMAT, "something-else");
        assertThatThrownBy(() -> OnnxNeighbourModel.load(wrongFormat.toByteArray()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("Not a Shelfwise neighbour graph");
        List<String> fewer = new ArrayList<>(data.itemIds().subList(0, 5));
        OnnxMl.ModelProto wrongItems = withMetadata(proto, NeighbourGraph.META_ITEMS, String.join("\n", fewer));
        assertThatThrownBy(() -> OnnxNeighbourModel.load(wrongItems.toByteArray()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("item list");
        OnnxMl.ModelProto wrongInput = proto.toBuilder().setGraph(proto.getGraph().toBuilder()
                .setInput(0, proto.getGraph().getInput(0).toBuilder().setName("sequence"))).build();
        assertThatThrownBy(() -> OnnxNeighbourModel.load(wrongInput.toByteArray()))
                .isInstanceOf(ModelLoadException.class);
        OnnxMl.ModelProto noProvenance = withMetadata(proto, org.tribuo.ONNXExportable.PROVENANCE_METADATA_FIELD,
                "{broken");
        assertThatThrownBy(() -> OnnxNeighbourModel.load(noProvenance.toByteArray()))
                .isInstanceOf(ModelLoadException.class).hasMessageContaining("provenance");
    }

    @Test
    void rejectsIndicesOutsideTheCatalogue() throws Exception {
        InteractionData data = OnnxNeighbourModelTestData.randomData(new Random(5), 20, 10, 4);
        try (OnnxNeighbourModel onnx = OnnxNeighbourModel.load(
                export(new PopularityTrainer().train(data), data).toByteArray())) {
            assertThatThrownBy(() -> onnx.rank(new int[] {10}, new int[0], 3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the catalogue");
            assertThat(onnx.rank(new int[0], new int[0], 0).size()).isZero();
        }
    }

    static OnnxMl.ModelProto export(NeighbourModel model, InteractionData data) throws Exception {
        return OnnxMl.ModelProto.parseFrom(TestModels.onnx(model, data, model.strategy().equals("pop")
                ? PopularityTrainer.class : ItemKnnTrainer.class));
    }

    private static OnnxMl.ModelProto withMetadata(OnnxMl.ModelProto proto, String key, String value) {
        OnnxMl.ModelProto.Builder builder = proto.toBuilder();
        for (int i = 0; i < builder.getMetadataPropsCount(); i++) {
            if (builder.getMetadataProps(i).getKey().equals(key)) {
                builder.setMetadataProps(i, builder.getMetadataProps(i).toBuilder().setValue(value));
            }
        }
        return builder.build();
    }
}
