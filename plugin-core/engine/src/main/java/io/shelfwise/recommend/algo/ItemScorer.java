package io.shelfwise.recommend.algo;

/**
 * A trained model's scoring function over the whole catalogue: given a shopper's history (item ids, oldest first),
 * adds a score for every item into {@code scores} (length {@link #numItems()}, zeroed by the caller). Higher is
 * better. Implementations are immutable and thread-safe.
 */
public interface ItemScorer {

    int numItems();

    void score(int[] history, float[] scores);
}
