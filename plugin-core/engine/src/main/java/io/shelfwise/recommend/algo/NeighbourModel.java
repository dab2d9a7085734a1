package io.shelfwise.recommend.algo;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one shape every non-neural strategy trains into: for each item, its most related items with weights
 * (similar, also bought, bought together, similar content), plus a prior score for every item (popularity,
 * trending). A shopper's score for item {@code j} is {@code prior[j] + sum over history positions p of
 * weight(p) * sim(history[p], j)}, where the latest position weighs 1 and each earlier one {@code recencyDecay}
 * times the next. A model with no neighbours is a pure prior (popular, trending).
 * <p>
 * This is the plain-Java scorer; the same model exported to ONNX scores identically (see
 * {@code io.shelfwise.recommend.onnx.NeighbourGraph}). Immutable; the arrays handed out must not be changed.
 */
public final class NeighbourModel implements ItemScorer {

    private final String strategy;
    private final List<String> itemIds;
    private final int[][] neighbourIds;
    private final float[][] neighbourWeights;
    private final float[] prior;
    private final double recencyDecay;

    /**
     * @param neighbourIds     per item, related item indices, strongest first (may be empty arrays)
     * @param neighbourWeights per item, the weights of those neighbours, same lengths
     * @param prior            a score every item starts from (zeros for none), length {@code itemIds.size()}
     */
    public NeighbourModel(String strategy, List<String> itemIds, int[][] neighbourIds, float[][] neighbourWeights,
                          float[] prior, double recencyDecay) {
        int n = itemIds.size();
        if (neighbourIds.length != n || neighbourWeights.length != n || prior.length != n) {
            throw new IllegalArgumentException("Neighbour tables and prior must have one entry per item (" + n + ")");
        }
        if (recencyDecay <= 0 || recencyDecay > 1) {
            throw new IllegalArgumentException("recencyDecay must be in (0, 1], was " + recencyDecay);
        }
        for (int i = 0; i < n; i++) {
            if (neighbourIds[i].length != neighbourWeights[i].length) {
                throw new IllegalArgumentException("Item " + i + " has " + neighbourIds[i].length + " neighbours but "
                        + neighbourWeights[i].length + " weights");
            }
            for (int j : neighbourIds[i]) {
                if (j < 0 || j >= n) {
                    throw new IllegalArgumentException("Item " + i + " has neighbour " + j + " outside the catalogue");
                }
            }
        }
        this.strategy = strategy;
        this.itemIds = Collections.unmodifiableList(itemIds);
        this.neighbourIds = neighbourIds;
        this.neighbourWeights = neighbourWeights;
        this.prior = prior;
        this.recencyDecay = recencyDecay;
    }

    /**
     * The same model read with another recency decay: a serving setting, so tuning it needs no retraining. Shares
     * this model's tables.
     */
    public NeighbourModel withRecencyDecay(double decay) {
        return new NeighbourModel(strategy, itemIds, neighbourIds, neighbourWeights, prior, decay);
    }

    /** A model that only ranks by a prior (popularity, trending). */
    public static NeighbourModel priorOnly(String strategy, List<String> itemIds, float[] prior) {
        int[][] ids = new int[itemIds.size()][0];
        float[][] weights = new float[itemIds.size()][0];
        return new NeighbourModel(strategy, itemIds, ids, weights, prior, 1.0);
    }

    public String strategy() {
        return strategy;
    }

    public List<String> itemIds() {
        return itemIds;
    }

    @Override
    public int numItems() {
        return itemIds.size();
    }

    public int[] neighbourIds(int item) {
        return neighbourIds[item];
    }

    public float[] neighbourWeights(int item) {
        return neighbourWeights[item];
    }

    public float prior(int item) {
        return prior[item];
    }

    public double recencyDecay() {
        return recencyDecay;
    }

    /** The largest neighbour list. */
    public int maxNeighbours() {
        int max = 0;
        for (int[] ids : neighbourIds) {
            max = Math.max(max, ids.length);
        }
        return max;
    }

    /**
     * Weights of the positions of a history of {@code length} items, oldest first, as the scorer applies them: the
     * latest weighs 1, each earlier one {@code recencyDecay} times the next.
     */
    public static float[] positionWeights(int length, double recencyDecay) {
        float[] weights = new float[length];
        double weight = 1;
        for (int p = length - 1; p >= 0; p--) {
            weights[p] = (float) weight;
            weight *= recencyDecay;
        }
        return weights;
    }

    @Override
    public void score(int[] history, float[] scores) {
        for (int i = 0; i < prior.length; i++) {
            scores[i] += prior[i];
        }
        float[] weights = positionWeights(history.length, recencyDecay);
        for (int p = 0; p < history.length; p++) {
            int item = history[p];
            if (item < 0 || item >= neighbourIds.length) {
                continue;
            }
            int[] ids = neighbourIds[item];
            float[] sims = neighbourWeights[item];
            float w = weights[p];
            for (int x = 0; x < ids.length; x++) {
                scores[ids[x]] += w * sims[x];
            }
        }
    }

    @Override
    public String toString() {
        return "NeighbourModel[" + strategy + ", " + itemIds.size() + " items, up to " + maxNeighbours()
                + " neighbours, decay " + recencyDecay + ", prior " + (Arrays.equals(prior, new float[prior.length])
                ? "none" : "set") + "]";
    }
}
