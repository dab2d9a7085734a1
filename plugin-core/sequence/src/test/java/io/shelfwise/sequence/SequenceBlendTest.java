package io.shelfwise.sequence;

import io.shelfwise.recommend.algo.ItemScorer;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.sequence.SequenceBlend;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SequenceBlendTest {

    /** Scores item i as i: a base that always prefers the last items of the catalogue. */
    private static final ItemScorer BY_INDEX = new ItemScorer() {
        @Override
        public int numItems() {
            return SequenceFixtures.ITEMS;
        }

        @Override
        public void score(int[] history, float[] scores) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] += i;
            }
        }
    };

    @Test
    void weightZeroIsTheBaseAndALargeWeightFollowsTheSequenceModel() {
        SequenceModel model = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru()));
        int[] history = {3, 5, 6};
        assertThat(top(new SequenceBlend(BY_INDEX, model, 0), history)).isEqualTo(top(BY_INDEX, history));
        assertThat(top(new SequenceBlend(BY_INDEX, model, 1000), history)).isEqualTo(top(model, history));
    }

    @Test
    void refusesMismatchedCataloguesAndNegativeWeights() {
        SequenceModel model = SequenceFixtures.train(SequenceFixtures.tiny(SequenceSettings.gru()).maxEpochs(1));
        ItemScorer smaller = new ItemScorer() {
            @Override
            public int numItems() {
                return 3;
            }

            @Override
            public void score(int[] history, float[] scores) {
            }
        };
        assertThatThrownBy(() -> new SequenceBlend(smaller, model, 1)).hasMessageContaining("items");
        assertThatThrownBy(() -> new SequenceBlend(BY_INDEX, model, -1)).hasMessageContaining("weight");
    }

    private static int[] top(ItemScorer scorer, int[] history) {
        float[] scores = new float[scorer.numItems()];
        scorer.score(history, scores);
        int[] top = new int[5];
        FullRankingEvaluator.topK(scores, top);
        return top;
    }
}
