package io.shelfwise.price.eval;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class PriceBagOfWordsRidgeTest {

    private static final String[] KINDS = {"lantern", "mug", "cushion", "clock", "cabinet", "tin", "card", "bag"};
    private static final double[] KIND_LOG_PRICE = {2.0, 1.0, 1.6, 2.3, 4.0, 0.7, 0.3, 1.2};

    /** Products named "COLOUR KIND": the kind sets the price; {@code noise} is added to every log price. */
    private static void products(int n, double noise, long seed, List<String> texts, List<Double> logs) {
        Random random = new Random(seed);
        String[] colours = {"red", "blue", "green", "pink", "white", "black"};
        for (int i = 0; i < n; i++) {
            int kind = random.nextInt(KINDS.length);
            texts.add(colours[random.nextInt(colours.length)] + " " + KINDS[kind]);
            logs.add(KIND_LOG_PRICE[kind] + noise * random.nextGaussian());
        }
    }

    private static double[] unbox(List<Double> values) {
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = values.get(i);
        }
        return out;
    }

    @Test
    void validationChoosesALightPenaltyForCleanWordsAndAHeavyOneForNoise() {
        List<String> texts = new ArrayList<>();
        List<Double> logs = new ArrayList<>();
        products(300, 0.01, 1, texts, logs);
        BagOfWordsRidge clean = BagOfWordsRidge.tuned(texts, unbox(logs), 5, 7);
        assertThat(clean.lambda()).isLessThanOrEqualTo(0.3);
        assertThat(clean.validationRmsle()).isLessThan(0.05);
        assertThat(clean.predict("yellow cabinet")).isCloseTo(4.0, org.assertj.core.data.Offset.offset(0.1));

        // Prices unrelated to the words: the best ridge barely moves from the mean.
        List<String> noiseTexts = new ArrayList<>();
        List<Double> noiseLogs = new ArrayList<>();
        products(60, 0, 2, noiseTexts, noiseLogs);
        Random random = new Random(3);
        for (int i = 0; i < noiseLogs.size(); i++) {
            noiseLogs.set(i, 1.5 + random.nextGaussian());
        }
        BagOfWordsRidge noise = BagOfWordsRidge.tuned(noiseTexts, unbox(noiseLogs), 5, 7);
        assertThat(noise.lambda()).isGreaterThanOrEqualTo(10);
        assertThat(noise.lambda()).isIn(0.1, 0.3, 1.0, 3.0, 10.0, 30.0);
    }

    @Test
    void aFixedLambdaRidgeReportsNoValidationScore() {
        List<String> texts = new ArrayList<>();
        List<Double> logs = new ArrayList<>();
        products(50, 0.1, 4, texts, logs);
        BagOfWordsRidge fixed = new BagOfWordsRidge(texts, unbox(logs), 1.0);
        assertThat(fixed.lambda()).isEqualTo(1.0);
        assertThat(fixed.validationRmsle()).isNaN();
    }
}
