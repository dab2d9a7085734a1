package io.shelfwise.sequence;

import io.shelfwise.recommend.onnx.OnnxSequenceModel;
import io.shelfwise.recommend.onnx.RankedItems;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The ONNX graph, the plain-Java forward pass and PyTorch rank held-out histories the same way. */
class SequenceModelParityTest {

    private static SequenceModel gru;
    private static SequenceModel attention;

    @BeforeAll
    static void train() {
        gru = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru()));
        // two heads and a maximum length shorter than some histories: the export must split heads and cut
        attention = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.selfAttention()).heads(2));
    }

    @Test
    void gruOnnxTopKEqualsPyTorchTopK() throws Exception {
        assertParity(gru);
    }

    @Test
    void selfAttentionOnnxTopKEqualsPyTorchTopK() throws Exception {
        assertParity(attention);
    }

    private static void assertParity(SequenceModel model) throws Exception {
        int[][] histories = SequenceFixtures.heldOut(new Random(5), 60, model.numItems());
        float[][] torch = SequenceTraining.torchScores(model, histories);
        try (RankingModel onnx = RankingModels.load(SequenceFixtures.onnx(model))) {
            assertThat(onnx).isInstanceOf(OnnxSequenceModel.class);
            for (int u = 0; u < histories.length; u++) {
                int[] exclude = java.util.Arrays.stream(histories[u]).distinct().toArray();
                RankedItems ranked = onnx.rank(histories[u], exclude, 10);
                int[] expected = SequenceFixtures.topK(torch[u], exclude, 10);
                float[] java = new float[model.numItems()];
                model.score(histories[u], java);
                int[] plain = SequenceFixtures.topK(java, exclude, 10);
                assertThat(ranked.size()).isEqualTo(10);
                for (int r = 0; r < 10; r++) {
                    assertThat(ranked.item(r)).as("ONNX rank %d of history %d", r, u).isEqualTo(expected[r]);
                    assertThat(plain[r]).as("Java rank %d of history %d", r, u).isEqualTo(expected[r]);
                    assertThat(ranked.score(r)).isCloseTo(torch[u][expected[r]],
                            org.assertj.core.data.Offset.offset(1e-3f));
                    assertThat(ranked.source(r)).isEqualTo(-1);
                }
            }
        }
    }
}
