package io.shelfwise.recommend;

import java.util.HashMap;
import java.util.Map;

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
        Map<Integer, Float> merged = new HashMap<>();
        for (int i = 0; i < n; i++) {
            merged.clear();
            for (int m = 0; m < models.length; m++) {
                if (weights[m] == 0) {
                    continue;
                }
                int[] neighbours = models[m].neighbourIds(i);
                float[] values = models[m].neighbourWeights(i);
                for (int x = 0; x < neighbours.length; x++) {
                    merged.merge(neighbours[x], (float) (weights[m] * values[x]), Float::sum);
                }
                prior[i] += (float) (weights[m] * models[m].prior(i));
            }
            int k = Math.min(maxNeighbours, merged.size());
            ids[i] = new int[k];
            sims[i] = new float[k];
            int x = 0;
            for (Map.Entry<Integer, Float> e : merged.entrySet().stream().sorted((a, b) -> {
                int c = Float.compare(b.getValue(), a.getValue());
                return c != 0 ? c : Integer.compare(a.getKey(), b.getKey());
            }).limit(k).toArray(Map.Entry[]::new)) {
                ids[i][x] = e.getKey();
                sims[i][x++] = e.getValue();
            }
        }
        return new NeighbourModel(strategy, models[0].itemIds(), ids, sims, prior, models[0].recencyDecay());
    }
}
