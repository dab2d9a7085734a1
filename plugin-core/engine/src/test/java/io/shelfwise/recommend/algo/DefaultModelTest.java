package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;
import io.shelfwise.recommend.eval.TemporalSplit;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultModelTest {

    private static final long DAY = 86_400;

    /**
     * 300 shoppers browse old items at random, then each buys one of the few items launched in the last days: what
     * is in demand now predicts the next item, and nothing in the shopper's own history does.
     */
    private static InteractionData launchWeek() {
        Random random = new Random(7);
        int oldItems = 200;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < oldItems + 5; i++) {
            items.add("i" + i);
        }
        int[][] sequences = new int[300][];
        long[][] times = new long[300][];
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 300; u++) {
            int n = 6;
            sequences[u] = new int[n];
            times[u] = new long[n];
            for (int p = 0; p < n - 2; p++) {
                sequences[u][p] = random.nextInt(oldItems);
                times[u][p] = (p + 1) * 10 * DAY + random.nextInt(1000);
            }
            // two launches the shopper came to at the end: validation target, then test target
            sequences[u][n - 2] = oldItems + random.nextInt(3);
            sequences[u][n - 1] = oldItems + 3 + random.nextInt(2);
            times[u][n - 2] = 100 * DAY + u * 60L;
            times[u][n - 1] = 100 * DAY + 300 * 60L + u * 60L;
            users.add("u" + u);
        }
        return InteractionData.of(sequences, times, users, items);
    }

    @Test
    void aTrendPriorIsBlendedInWhereValidationSaysWhatIsNewSells() throws InterruptedException {
        InteractionData data = launchWeek();
        FullRankingEvaluator evaluator = new FullRankingEvaluator(10, 1);
        DefaultModel tuning = DefaultModel.tune(TemporalSplit.validation(data, 0.2), evaluator, null,
                name -> done -> {
                });
        assertThat(tuning.settings().get("prior")).asString().isNotEqualTo("none");
        assertThat((Double) tuning.settings().get("priorWeight")).isPositive();

        // measured once on test targets: better than the same item-kNN without the prior
        LeaveOneOut.Phase test = TemporalSplit.test(data, 0.2);
        NeighbourTrainer tuned = tuning.trainer();
        double withPrior = evaluator.evaluate(tuned.train(test.train), test.histories, test.targets, done -> {
        }).hitRate();
        NeighbourModel knnOnly = DefaultModel.fallback().trainer().train(test.train);
        double without = evaluator.evaluate(knnOnly, test.histories, test.targets, done -> {
        }).hitRate();
        assertThat(withPrior).isGreaterThan(without);
    }

    @Test
    void theRecencyDecayIsAServingSettingSoOneTrainingServesEveryDecay() {
        InteractionData data = launchWeek();
        NeighbourModel once = DefaultModel.fallback().trainer().train(data);
        NeighbourModel other = once.withRecencyDecay(0.7);
        assertThat(other.recencyDecay()).isEqualTo(0.7);
        assertThat(other.neighbourIds(3)).isEqualTo(once.neighbourIds(3));
        assertThat(other.neighbourWeights(3)).isEqualTo(once.neighbourWeights(3));
    }
}
