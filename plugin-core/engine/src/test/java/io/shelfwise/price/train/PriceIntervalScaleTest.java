package io.shelfwise.price.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceIntervalScaleTest {

    private static PriceFeatures.Vector vector(double similarity) {
        return new PriceFeatures.Vector(new String[] {"f:similarity", "w:mug"}, new double[] {similarity, 1}, false);
    }

    @Test
    void productsWithCloseEvidenceGetNarrowerIntervals() {
        Random random = new Random(3);
        List<PriceFeatures.Vector> vectors = new ArrayList<>();
        double[] residuals = new double[400];
        for (int i = 0; i < residuals.length; i++) {
            double similarity = random.nextGaussian();
            vectors.add(vector(similarity));
            residuals[i] = Math.abs(random.nextGaussian()) * Math.exp(-0.5 * similarity);
        }
        IntervalScale scale = IntervalScale.fit(vectors, residuals);
        assertThat(scale.scale(vector(2))).isLessThan(scale.scale(vector(0)));
        assertThat(scale.scale(vector(0))).isLessThan(scale.scale(vector(-2)));
        assertThat(scale.scale(vector(-50))).isLessThanOrEqualTo(Math.exp(2) + 1e-9);
        assertThat(IntervalScale.constant().scale(vector(3))).isEqualTo(1.0);
    }
}
