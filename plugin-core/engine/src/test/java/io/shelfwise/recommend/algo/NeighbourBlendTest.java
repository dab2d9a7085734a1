package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class NeighbourBlendTest {

    private static final List<String> ITEMS = Arrays.asList("a", "b", "c", "d");

    private static NeighbourModel model(String name, int[][] ids, float[][] weights, float[] prior, double decay) {
        return new NeighbourModel(name, ITEMS, ids, weights, prior, decay);
    }

    @Test
    void sumsWeightedNeighboursAndPriorsAndKeepsTheStrongest() {
        NeighbourModel knn = model("knn", new int[][] {{1, 2}, {0}, {}, {}},
                new float[][] {{0.8f, 0.1f}, {0.5f}, {}, {}}, new float[] {1, 0, 0, 0}, 0.5);
        NeighbourModel content = model("content", new int[][] {{2, 3}, {}, {0}, {}},
                new float[][] {{1f, 0.9f}, {}, {1f}, {}}, new float[] {0, 2, 0, 0}, 1.0);
        NeighbourModel blend = NeighbourBlend.blend("default", new NeighbourModel[] {knn, content},
                new double[] {1, 0.5}, 2);
        // a: b 0.8, c 0.1 + 0.5, d 0.45 -> keep b, c
        assertThat(blend.neighbourIds(0)).containsExactly(1, 2);
        assertThat(blend.neighbourWeights(0)[0]).isCloseTo(0.8f, within(1e-6f));
        assertThat(blend.neighbourWeights(0)[1]).isCloseTo(0.6f, within(1e-6f));
        assertThat(blend.neighbourIds(2)).containsExactly(0);
        assertThat(blend.prior(0)).isEqualTo(1f);
        assertThat(blend.prior(1)).isEqualTo(1f);
        assertThat(blend.recencyDecay()).isEqualTo(0.5);
        assertThat(blend.strategy()).isEqualTo("default");

        // a blend scores as the weighted sum of its parts (before the neighbour cut)
        float[] scores = new float[4];
        blend.score(new int[] {2}, scores);
        float[] expected = new float[4];
        knn.score(new int[] {2}, expected);
        assertThat(scores[0]).isCloseTo(expected[0] + 0.5f * 1f, within(1e-6f));
    }

    @Test
    void aZeroWeightLeavesAModelOut() {
        NeighbourModel knn = model("knn", new int[][] {{1}, {}, {}, {}}, new float[][] {{1f}, {}, {}, {}},
                new float[4], 1);
        NeighbourModel other = model("other", new int[][] {{3}, {}, {}, {}}, new float[][] {{5f}, {}, {}, {}},
                new float[] {9, 9, 9, 9}, 1);
        NeighbourModel blend = NeighbourBlend.blend("x", new NeighbourModel[] {knn, other}, new double[] {1, 0}, 10);
        assertThat(blend.neighbourIds(0)).containsExactly(1);
        assertThat(blend.prior(3)).isZero();
    }

    @Test
    void refusesModelsOverDifferentCataloguesOrMissingWeights() {
        NeighbourModel a = NeighbourModel.priorOnly("a", ITEMS, new float[4]);
        NeighbourModel b = NeighbourModel.priorOnly("b", Arrays.asList("a", "b", "c"), new float[3]);
        assertThatThrownBy(() -> NeighbourBlend.blend("x", new NeighbourModel[] {a, b}, new double[] {1, 1}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one catalogue");
        assertThatThrownBy(() -> NeighbourBlend.blend("x", new NeighbourModel[] {a}, new double[] {1, 1}, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("One weight per model");
    }

    @Test
    void blendedTrainerTrainsEachPartOnTheSameData() {
        InteractionData data = InteractionData.of(new int[][] {{0, 1}, {0, 1}, {2, 3}}, Arrays.asList("u", "v", "w"),
                ITEMS);
        NeighbourTrainer trainer = new BlendedTrainer("default", new NeighbourTrainer[] {ItemKnnTrainer.cosine(),
                new PopularityTrainer()}, new double[] {1, 1}, 10);
        NeighbourModel model = trainer.train(data);
        assertThat(model.strategy()).isEqualTo("default");
        assertThat(model.neighbourIds(0)).contains(1);
        assertThat(model.prior(0)).isPositive();
        assertThatThrownBy(() -> new BlendedTrainer("x", new NeighbourTrainer[0], new double[0], 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
