package io.shelfwise.recommend.onnx;

/**
 * A model's ranked answer: catalogue indices, best first, their scores, and for each the history position that
 * contributed most to it ({@code -1} when it came from the prior: popularity, trending). Immutable.
 */
public final class RankedItems {

    private final int[] items;
    private final float[] scores;
    private final int[] sources;

    RankedItems(int[] items, float[] scores, int[] sources) {
        this.items = items;
        this.scores = scores;
        this.sources = sources;
    }

    public int size() {
        return items.length;
    }

    public int item(int rank) {
        return items[rank];
    }

    public float score(int rank) {
        return scores[rank];
    }

    /** The history position (oldest first) the item at {@code rank} came from most, or -1 for the prior. */
    public int source(int rank) {
        return sources[rank];
    }
}
