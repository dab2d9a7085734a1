package io.shelfwise.recommend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Item-to-item nearest neighbours on who-had-what (binary): the similarity of items i and j is the number of
 * shoppers who had both, divided by {@code (|i|^alpha * |j|^(1-alpha) + shrink)} (alpha 0.5, shrink 0 is the
 * cosine). With a {@code transitionWeight} above 0 the similarity also counts order: how often j followed i
 * within {@code window} steps of one history, each occurrence weighted by 1/distance and normalised the same way,
 * times the weight. Each item keeps its {@code neighbours} most similar items. A shopper's score for an item sums
 * the similarities from the items in their history, the latest weighted 1 and each earlier one by
 * {@code recencyDecay} more (1 = order ignored). Immutable settings.
 */
public final class ItemKnnTrainer implements NeighbourTrainer {

    private final String name;
    private final int neighbours;
    private final double alpha;
    private final double shrink;
    private final double recencyDecay;
    private final double transitionWeight;
    private final int window;
    private final double popularityPrior;

    public ItemKnnTrainer(String name, int neighbours, double alpha, double shrink, double recencyDecay) {
        this(name, neighbours, alpha, shrink, recencyDecay, 0, 3);
    }

    public ItemKnnTrainer(String name, int neighbours, double alpha, double shrink, double recencyDecay,
                          double transitionWeight, int window) {
        this(name, neighbours, alpha, shrink, recencyDecay, transitionWeight, window, 0);
    }

    /**
     * @param popularityPrior the score the most popular item starts from (others in proportion); a small value
     *                        breaks ties and fills lists for shoppers whose history has few neighbours
     */
    public ItemKnnTrainer(String name, int neighbours, double alpha, double shrink, double recencyDecay,
                          double transitionWeight, int window, double popularityPrior) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours must be at least 1, was " + neighbours);
        }
        if (alpha < 0 || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        if (recencyDecay <= 0 || recencyDecay > 1) {
            throw new IllegalArgumentException("recencyDecay must be in (0, 1], was " + recencyDecay);
        }
        if (transitionWeight < 0) {
            throw new IllegalArgumentException("transitionWeight must not be negative, was " + transitionWeight);
        }
        if (popularityPrior < 0) {
            throw new IllegalArgumentException("popularityPrior must not be negative, was " + popularityPrior);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, was " + window);
        }
        this.name = name;
        this.neighbours = neighbours;
        this.alpha = alpha;
        this.shrink = shrink;
        this.recencyDecay = recencyDecay;
        this.transitionWeight = transitionWeight;
        this.window = window;
        this.popularityPrior = popularityPrior;
    }

    /** The plain cosine item-kNN of the reference figures. */
    public static ItemKnnTrainer cosine() {
        return new ItemKnnTrainer("itemknn", 200, 0.5, 0, 1.0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public NeighbourModel train(InteractionData data) {
        int numItems = data.numItems();
        int[][] userItems = new int[data.numUsers()][];
        int[] itemCount = new int[numItems];
        for (int u = 0; u < data.numUsers(); u++) {
            userItems[u] = PopularityTrainer.distinct(data.sequence(u));
            for (int item : userItems[u]) {
                itemCount[item]++;
            }
        }
        int[][] itemUsers = new int[numItems][];
        int[] fill = new int[numItems];
        for (int i = 0; i < numItems; i++) {
            itemUsers[i] = new int[itemCount[i]];
        }
        for (int u = 0; u < userItems.length; u++) {
            for (int item : userItems[u]) {
                itemUsers[item][fill[item]++] = u;
            }
        }
        int[][] neighbourIds = new int[numItems][];
        float[][] neighbourSims = new float[numItems][];
        int[] cooc = new int[numItems];
        double[] follow = new double[numItems];
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < numItems; i++) {
            touched.clear();
            for (int u : itemUsers[i]) {
                for (int j : userItems[u]) {
                    if (j != i) {
                        if (cooc[j] == 0) {
                            touched.add(j);
                        }
                        cooc[j]++;
                    }
                }
                if (transitionWeight > 0) {
                    int[] sequence = data.sequence(u);
                    for (int p = 0; p < sequence.length; p++) {
                        if (sequence[p] != i) {
                            continue;
                        }
                        for (int q = p + 1; q < sequence.length && q <= p + window; q++) {
                            if (sequence[q] != i) {
                                follow[sequence[q]] += 1.0 / (q - p);
                            }
                        }
                    }
                }
            }
            int n = touched.size();
            int[] ids = new int[n];
            float[] sims = new float[n];
            for (int k = 0; k < n; k++) {
                int j = touched.get(k);
                ids[k] = j;
                double norm = Math.pow(itemCount[i], alpha) * Math.pow(itemCount[j], 1 - alpha) + shrink;
                sims[k] = (float) ((cooc[j] + transitionWeight * follow[j]) / norm);
                cooc[j] = 0;
                follow[j] = 0;
            }
            keepTop(ids, sims, neighbours, neighbourIds, neighbourSims, i);
        }
        float[] prior = new float[numItems];
        if (popularityPrior > 0) {
            int max = Math.max(1, Arrays.stream(itemCount).max().orElse(1));
            for (int i = 0; i < numItems; i++) {
                prior[i] = (float) (popularityPrior * itemCount[i] / max);
            }
        }
        return new NeighbourModel(name, data.itemIds(), neighbourIds, neighbourSims, prior, recencyDecay);
    }

    private static void keepTop(int[] ids, float[] sims, int k, int[][] outIds, float[][] outSims, int item) {
        Integer[] order = new Integer[ids.length];
        for (int x = 0; x < order.length; x++) {
            order[x] = x;
        }
        Arrays.sort(order, (a, b) -> sims[b] != sims[a] ? Float.compare(sims[b], sims[a]) : Integer.compare(ids[a], ids[b]));
        int n = Math.min(k, ids.length);
        outIds[item] = new int[n];
        outSims[item] = new float[n];
        for (int x = 0; x < n; x++) {
            outIds[item][x] = ids[order[x]];
            outSims[item][x] = sims[order[x]];
        }
    }
}
