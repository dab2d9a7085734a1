package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class TrendingTrainerTest {

    private static final long DAY = 86_400;

    @Test
    void recentInteractionsOutweighOldOnesByTheHalfLife() {
        // a: three interactions 14 days before the latest; b: one, at the latest time
        InteractionData data = InteractionData.of(new int[][] {{0, 0}, {0, 1}},
                new long[][] {{0, 1}, {2, 14 * DAY + 2}}, Arrays.asList("u1", "u2"), Arrays.asList("a", "b"));
        NeighbourModel model = new TrendingTrainer(Duration.ofDays(7)).train(data);
        assertThat(model.prior(1)).isEqualTo(1f);
        // each of a's is two half-lives (and a few seconds) old
        assertThat(model.prior(0)).isCloseTo(3 * 0.25f, within(1e-4f));
        assertThat(model.maxNeighbours()).isZero();
        assertThat(model.strategy()).isEqualTo("trending");
    }

    @Test
    void withoutTimesTheLaterPartOfEachHistoryCounts() {
        InteractionData data = InteractionData.of(new int[][] {{0, 1}}, Arrays.asList("u"), Arrays.asList("a", "b"));
        NeighbourModel model = new TrendingTrainer(Duration.ofDays(7)).train(data);
        assertThat(model.prior(1)).isEqualTo(1f);
        assertThat(model.prior(0)).isCloseTo((float) Math.pow(0.5, 1 / TrendingTrainer.HALF_LIFE_STEPS),
                within(1e-6f));
    }

    @Test
    void aHalfLifeMustBePositive() {
        assertThatThrownBy(() -> new TrendingTrainer(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
