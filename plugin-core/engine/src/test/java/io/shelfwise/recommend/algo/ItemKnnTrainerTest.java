package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ItemKnnTrainerTest {

    // items 0 and 1 always together; 2 with 0 once; 3 alone
    private static final InteractionData DATA = InteractionData.of(
            new int[][] {{0, 1}, {0, 1}, {0, 2}, {3}},
            Arrays.asList("a", "b", "c", "d"), Arrays.asList("0", "1", "2", "3"));

    @Test
    void cosineOfBinaryCoOccurrence() {
        ItemScorer scorer = ItemKnnTrainer.cosine().train(DATA);
        float[] scores = new float[4];
        scorer.score(new int[] {0}, scores);

        assertThat(scores[1]).isCloseTo((float) (2 / Math.sqrt(3 * 2)), within(1e-6f));
        assertThat(scores[2]).isCloseTo((float) (1 / Math.sqrt(3 * 1)), within(1e-6f));
        assertThat(scores[3]).isZero();
    }

    @Test
    void recencyDecayWeighsTheLatestItemMost() {
        ItemScorer scorer = new ItemKnnTrainer("t", 10, 0.5, 0, 0.5).train(DATA);
        float[] fromOldThenNew = new float[4];
        scorer.score(new int[] {2, 1}, fromOldThenNew);
        float[] fromNewOnly = new float[4];
        scorer.score(new int[] {1}, fromNewOnly);

        assertThat(fromOldThenNew[0]).isGreaterThan(fromNewOnly[0]);
        assertThat(fromOldThenNew[0] - fromNewOnly[0]).isCloseTo(0.5f * (float) (1 / Math.sqrt(3)), within(1e-6f));
    }

    @Test
    void transitionsFavourWhatCameNextInHistories() {
        InteractionData ordered = InteractionData.of(new int[][] {{0, 1}, {0, 1}, {2, 0}},
                Arrays.asList("a", "b", "c"), Arrays.asList("0", "1", "2"));
        float[] orderless = new float[3];
        new ItemKnnTrainer("t", 10, 0.5, 0, 1, 0, 3).train(ordered).score(new int[] {0}, orderless);
        float[] withOrder = new float[3];
        new ItemKnnTrainer("t", 10, 0.5, 0, 1, 1, 3).train(ordered).score(new int[] {0}, withOrder);

        // 1 followed 0 twice, 2 never did: order raises 1 and leaves 2 as it was
        assertThat(withOrder[1]).isGreaterThan(orderless[1]);
        assertThat(withOrder[2]).isEqualTo(orderless[2]);
        assertThatThrownBy(() -> new ItemKnnTrainer("x", 5, 0.5, 0, 1, -1, 3)).hasMessageContaining("transitionWeight");
    }

    @Test
    void unknownHistoryItemsAreIgnoredAndSettingsChecked() {
        float[] scores = new float[4];
        ItemKnnTrainer.cosine().train(DATA).score(new int[] {99, -1}, scores);
        assertThat(scores).containsOnly(0f);
        assertThatThrownBy(() -> new ItemKnnTrainer("x", 0, 0.5, 0, 1)).hasMessageContaining("neighbours");
        assertThatThrownBy(() -> new ItemKnnTrainer("x", 5, 0.5, 0, 0)).hasMessageContaining("recencyDecay");
    }

    @Test
    void aNeighbourLimitAboveTheCatalogueKeepsEveryRelatedItem() {
        NeighbourModel model = new ItemKnnTrainer("t", Integer.MAX_VALUE, 0.5, 0, 1).train(DATA);

        assertThat(model.neighbourIds(0)).containsExactly(1, 2);
        assertThat(model.neighbourIds(3)).isEmpty();
    }
}
