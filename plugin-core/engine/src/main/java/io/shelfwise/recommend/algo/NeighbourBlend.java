package io.shelfwise.recommend.algo;

import java.util.Arrays;

/**
 * Combines neighbour models over the same catalogue into one: each item's neighbours are the union of theirs,
 * weighted by the given weights and summed, the strongest {@code maxNeighbours} kept; priors add up the same way;
 * the first model's recency decay applies. The blend is a {@link NeighbourModel}, so it exports to the same ONNX
 * graph as its parts.
 */
public final class NeighbourBlend {

    private NeighbourBlend() {
    }

    /**
     * @throws IllegalArgumentException if the models' catalogues differ or the weights do not match the models
     */
    public static NeighbourModel blend(String strategy, NeighbourModel[] models, double[] weights,
                                       int maxNeighbours) {
        if (models.length == 0 || models.length != weights.length) {
            throw new IllegalArgumentException("One weight per model is needed");
        }
        int n = models[0].numItems();
        for (NeighbourModel model : models) {
            if (!model.itemIds().equals(models[0].itemIds())) {
                throw new IllegalArgumentException("Blended models must share one catalogue; " + model.strategy()
                        + " has " + model.numItems() + " items, " + models[0].strategy() + " " + n);
            }
        }
        int[][] ids = new int[n][];
        float[][] sims = new float[n][];
        float[] prior = new float[n];
        // a dense scratch row and the items touched in it: no boxing, cleared after each item
        float[] row = new float[n];
        boolean[] seen = new boolean[n];
        int[] touched = new int[n];
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            int count = 0;
            for (int m = 0; m < models.length; m++) {
                if (weights[m] == 0) {
                    continue;
                }
                int[] neighbours = models[m].neighbourIds(i);
                float[] values = models[m].neighbourWeights(i);
                for (int x = 0; x < neighbours.length; x++) {
                    int j = neighbours[x];
                    if (!seen[j]) {
                        seen[j] = true;
                        touched[count++] = j;
                    }
                    row[j] += (float) (weights[m] * values[x]);
                }
                prior[i] += (float) (weights[m] * models[m].prior(i));
            }
            for (int t = 0; t < count; t++) {
                keys[t] = strongestFirst(row[touched[t]], touched[t]);
            }
            Arrays.sort(keys, 0, count);
            int k = Math.min(maxNeighbours, count);
            ids[i] = new int[k];
            sims[i] = new float[k];
            for (int x = 0; x < k; x++) {
                int j = (int) keys[x];
                ids[i][x] = j;
                sims[i][x] = row[j];
            }
            for (int t = 0; t < count; t++) {
                row[touched[t]] = 0;
                seen[touched[t]] = false;
            }
        }
        return new NeighbourModel(strategy, models[0].itemIds(), ids, sims, prior, models[0].recencyDecay());
    }

    /** A key that sorts ascending as weight descending, then item ascending. */
    private static long strongestFirst(float weight, int item) {
        int bits = Float.floatToIntBits(weight);
        int ascending = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~ascending << 32) | (item & 0xffffffffL);
    }
}
