package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;

import java.util.Arrays;

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

    /**
     * Trains on one thread. Cost: for each item, a pass over the items of every shopper who had it (about the sum
     * of squared history lengths in all) and a top-{@code neighbours} selection over the items it met; memory
     * besides the model: the distinct items of each history twice over (by shopper and by item), with order the
     * positions of every interaction, and a few arrays of one entry per item.
     */
    @Override
    public NeighbourModel train(InteractionData data) {
        int numItems = data.numItems();
        int[][] userItems = new int[data.numUsers()][];
        int[] itemCount = new int[numItems];
        int[] lastUser = new int[numItems];
        Arrays.fill(lastUser, -1);
        for (int u = 0; u < data.numUsers(); u++) {
            userItems[u] = distinct(data.sequence(u), lastUser, u);
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
        Occurrences occurrences = transitionWeight > 0 ? new Occurrences(data) : null;
        // the same factors as pow(|i|, alpha) * pow(|j|, 1 - alpha), computed once per item
        double[] ownFactor = new double[numItems];
        double[] otherFactor = new double[numItems];
        for (int i = 0; i < numItems; i++) {
            ownFactor[i] = Math.pow(itemCount[i], alpha);
            otherFactor[i] = Math.pow(itemCount[i], 1 - alpha);
        }

        int[][] neighbourIds = new int[numItems][];
        float[][] neighbourSims = new float[numItems][];
        int[] cooc = new int[numItems];
        double[] follow = new double[numItems];
        float[] sim = new float[numItems];
        int[] touched = new int[numItems];
        long[] top = new long[Math.max(1, Math.min(neighbours, numItems))];
        for (int i = 0; i < numItems; i++) {
            int n = 0;
            for (int u : itemUsers[i]) {
                for (int j : userItems[u]) {
                    if (j != i) {
                        if (cooc[j] == 0) {
                            touched[n++] = j;
                        }
                        cooc[j]++;
                    }
                }
            }
            if (occurrences != null) {
                occurrences.addFollowers(i, window, follow);
            }
            int kept = 0;
            for (int x = 0; x < n; x++) {
                int j = touched[x];
                double norm = ownFactor[i] * otherFactor[j] + shrink;
                sim[j] = (float) ((cooc[j] + transitionWeight * follow[j]) / norm);
                cooc[j] = 0;
                follow[j] = 0;
                kept = offer(top, kept, rankKey(sim[j], j));
            }
            Arrays.sort(top, 0, kept);
            int[] ids = new int[kept];
            float[] sims = new float[kept];
            for (int x = 0; x < kept; x++) {
                ids[x] = (int) top[x];
                sims[x] = sim[ids[x]];
            }
            neighbourIds[i] = ids;
            neighbourSims[i] = sims;
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

    /** The items of {@code sequence} without repeats, in order of first appearance; {@code lastUser} marks them. */
    private static int[] distinct(int[] sequence, int[] lastUser, int user) {
        int[] items = new int[sequence.length];
        int n = 0;
        for (int item : sequence) {
            if (lastUser[item] != user) {
                lastUser[item] = user;
                items[n++] = item;
            }
        }
        return n == items.length ? items : Arrays.copyOf(items, n);
    }

    /**
     * A key whose ascending order is the neighbour order: similarity descending (as {@link Float#compare}, except
     * that -0.0 and 0.0 tie), then item id ascending. The high half is the similarity's bits made sortable as a
     * signed int and inverted; the low half the (non-negative) id. (Similarities are never NaN: the co-occurrence
     * count is at least 1.)
     */
    static long rankKey(float similarity, int item) {
        int bits = Float.floatToIntBits(similarity + 0.0f);
        int sortable = bits ^ ((bits >> 31) & 0x7fffffff);
        return ((long) ~sortable << 32) | item;
    }

    /**
     * Keeps the {@code top.length} smallest keys offered so far in {@code top[0..size)} as a max-heap (the largest
     * at 0); returns the new size. Keys are distinct (they hold the item id).
     */
    private static int offer(long[] top, int size, long key) {
        if (size < top.length) {
            int x = size;
            while (x > 0) {
                int parent = (x - 1) >>> 1;
                if (top[parent] >= key) {
                    break;
                }
                top[x] = top[parent];
                x = parent;
            }
            top[x] = key;
            return size + 1;
        }
        if (key >= top[0]) {
            return size;
        }
        int x = 0;
        while (true) {
            int child = 2 * x + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && top[child + 1] > top[child]) {
                child++;
            }
            if (top[child] <= key) {
                break;
            }
            top[x] = top[child];
            x = child;
        }
        top[x] = key;
        return size;
    }

    /**
     * Where each item occurs: shopper and position, in order of shopper then position (the order in which the
     * transitions were always summed, so that the sums come out the same to the last bit).
     */
    private static final class Occurrences {

        private final InteractionData data;
        private final int[] start;
        private final int[] user;
        private final int[] position;

        Occurrences(InteractionData data) {
            this.data = data;
            int numItems = data.numItems();
            start = new int[numItems + 1];
            for (int u = 0; u < data.numUsers(); u++) {
                for (int item : data.sequence(u)) {
                    start[item + 1]++;
                }
            }
            for (int i = 0; i < numItems; i++) {
                start[i + 1] += start[i];
            }
            int total = start[numItems];
            user = new int[total];
            position = new int[total];
            int[] fill = Arrays.copyOf(start, numItems);
            for (int u = 0; u < data.numUsers(); u++) {
                int[] sequence = data.sequence(u);
                for (int p = 0; p < sequence.length; p++) {
                    int x = fill[sequence[p]]++;
                    user[x] = u;
                    position[x] = p;
                }
            }
        }

        /** Adds 1/distance to {@code follow[j]} for each j that came within {@code window} steps after item i. */
        void addFollowers(int item, int window, double[] follow) {
            for (int x = start[item]; x < start[item + 1]; x++) {
                int[] sequence = data.sequence(user[x]);
                int p = position[x];
                for (int q = p + 1; q < sequence.length && q <= p + window; q++) {
                    if (sequence[q] != item) {
                        follow[sequence[q]] += 1.0 / (q - p);
                    }
                }
            }
        }
    }
}
