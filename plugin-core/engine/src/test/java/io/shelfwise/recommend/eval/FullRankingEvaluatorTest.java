package io.shelfwise.recommend.eval;

import io.shelfwise.recommend.algo.ItemScorer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FullRankingEvaluatorTest {

    /** Scores item i as i (so the best items are the highest ids). */
    private static final ItemScorer BY_ID = new ItemScorer() {
        @Override
        public int numItems() {
            return 20;
        }

        @Override
        public void score(int[] history, float[] scores) {
            for (int i = 0; i < scores.length; i++) {
                scores[i] += i;
            }
        }
    };

    @Test
    void measuresWhereTheTargetLandsAfterRemovingTheHistory() throws InterruptedException {
        // user 0: history {19}, target 18 -> first place; user 1: target 10 -> 9th (19..11 before it, 19 removed? no)
        int[][] histories = {{19}, {5}, {3}};
        int[] targets = {18, 10, 0};
        RankingMetrics m = new FullRankingEvaluator(10, 2).evaluate(BY_ID, histories, targets, done -> { });

        // user 0: rank 0 (hit); user 1: 19..11 ahead -> rank 9 (hit); user 2: item 0 last -> miss
        assertThat(m.users()).isEqualTo(3);
        assertThat(m.hitRate()).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(m.ndcg()).isCloseTo((1.0 + 1.0 / (Math.log(11) / Math.log(2))) / 3, within(1e-9));
        assertThat(m.mrr()).isCloseTo((1.0 + 1.0 / 10) / 3, within(1e-9));
        assertThat(m.coverage()).isCloseTo(11.0 / 20, within(1e-9)); // items 9..19 appear in some top 10
    }

    @Test
    void usersWithoutTargetsAreNotCounted() throws InterruptedException {
        RankingMetrics m = new FullRankingEvaluator(5, 1).evaluate(BY_ID, new int[][] {{1}, null}, new int[] {19, 3},
                done -> { });
        assertThat(m.users()).isEqualTo(1);
        assertThat(m.hitRate()).isEqualTo(1.0);
    }

    @Test
    void topKBreaksTiesByLowerIdAndSkipsExcludedItems() {
        float[] scores = {1, 3, 3, Float.NEGATIVE_INFINITY, 2};
        int[] top = new int[3];
        assertThat(FullRankingEvaluator.topK(scores, top)).isEqualTo(3);
        assertThat(top).containsExactly(1, 2, 4);
    }
}
