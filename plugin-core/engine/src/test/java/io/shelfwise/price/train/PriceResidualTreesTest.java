package io.shelfwise.price.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PriceResidualTreesTest {

    private static PriceFeatures.Vector vector(double[] dense) {
        return new PriceFeatures.Vector(PriceFeatures.DENSE.toArray(new String[0]), dense, false);
    }

    @Test
    void boostedTreesLearnAnInteractionTheLinearModelCannot() {
        Random random = new Random(3);
        List<PriceFeatures.Vector> vectors = new ArrayList<>();
        double[] residuals = new double[400];
        int d = PriceFeatures.DENSE.size();
        for (int i = 0; i < residuals.length; i++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = random.nextGaussian();
            }
            vectors.add(vector(x));
            // Dearer only when both the similarity (1) and the pack size (11) are high.
            residuals[i] = (x[1] > 0 && x[11] > 0 ? 0.6 : -0.2) + 0.05 * random.nextGaussian();
        }
        ResidualTrees trees = ResidualTrees.fit(vectors, new double[residuals.length], residuals,
                new ResidualTrees.Growth(40, 2, 0.2, 10f, 1));
        double[] both = new double[d];
        both[1] = 1;
        both[11] = 1;
        double[] one = new double[d];
        one[1] = 1;
        one[11] = -1;
        assertThat(trees.predict(vector(both), 0)).isCloseTo(0.6, org.assertj.core.data.Offset.offset(0.1));
        assertThat(trees.predict(vector(one), 0)).isCloseTo(-0.2, org.assertj.core.data.Offset.offset(0.1));
    }

    @Test
    void noTreesCorrectNothingAndMalformedSavedTreesAreRefused() {
        assertThat(ResidualTrees.NONE.predict(vector(new double[PriceFeatures.DENSE.size()]), 1)).isZero();
        List<int[][]> structure = new ArrayList<>();
        structure.add(new int[][] {{0}, {5}, {6}});
        List<float[][]> values = new ArrayList<>();
        values.add(new float[][] {{0f}, {0f}});
        assertThatThrownBy(() -> ResidualTrees.restore(ResidualTrees.FEATURES, structure, values))
                .hasMessageContaining("malformed");
    }
}
