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
public final class ItemKnnTrainer implements ScorerTrainer {

    private final String name;
    private final int neighbours;
    private final double alpha;
    private final double shrink;
    private final double recencyDecay;
    private final double transitionWeight;
    private final int window;

    public ItemKnnTrainer(String name, int neighbours, double alpha, double shrink, double recencyDecay) {
        this(name, neighbours, alpha, shrink, recencyDecay, 0, 3);
    }

    public ItemKnnTrainer(String name, int neighbours, double alpha, double shrink, double recencyDecay,
                          double transitionWeight, int window) {
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
    public ItemScorer train(InteractionData data) {
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
        return new Scorer(neighbourIds, neighbourSims, recencyDecay);
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

    private static final class Scorer implements ItemScorer {
        private final int[][] ids;
        private final float[][] sims;
        private final double decay;

        Scorer(int[][] ids, float[][] sims, double decay) {
            this.ids = ids;
            this.sims = sims;
            this.decay = decay;
        }

        @Override
        public int numItems() {
            return ids.length;
        }

        @Override
        public void score(int[] history, float[] scores) {
            double weight = 1;
            for (int p = history.length - 1; p >= 0; p--) {
                int item = history[p];
                if (item >= 0 && item < ids.length) {
                    int[] neighbourIds = ids[item];
                    float[] neighbourSims = sims[item];
                    float w = (float) weight;
                    for (int x = 0; x < neighbourIds.length; x++) {
                        scores[neighbourIds[x]] += w * neighbourSims[x];
                    }
                }
                weight *= decay;
            }
        }
    }
}
