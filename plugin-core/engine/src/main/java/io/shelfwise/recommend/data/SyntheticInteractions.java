package io.shelfwise.recommend.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Shopper histories made up to look like a store's, for measuring training at sizes no public dataset here has.
 * <ul>
 * <li>Items have a power-law popularity: the item of popularity rank {@code r} (1 = most popular) is drawn in
 *     proportion to {@code r^-zipfExponent}; ranks are shuffled over item ids.</li>
 * <li>Items belong to latent categories ({@code clusters}, assigned at random). Each shopper is interested in a
 *     few of them (1 plus a geometric number, at most 5, drawn by the categories' popularity).</li>
 * <li>History lengths are log-normal with the given mean and spread (sigma of the log), at least 1 and at most
 *     {@code maxHistory}; the last shopper's history is cut so the total is exactly {@code interactions}, which
 *     makes the number of shoppers about {@code interactions / meanHistory}.</li>
 * <li>Each next item is, with probability {@code followProbability}, one of a handful of fixed successors of the
 *     current item (related items of its category, which gives the data an order to learn); otherwise it is
 *     drawn by popularity from the current category ({@code stayProbability}), from another of the shopper's
 *     categories ({@code switchProbability}), or from the whole catalogue (the rest). An item the shopper already
 *     had is kept with probability {@code repeatProbability}, else drawn again (at most {@value #REDRAWS}
 *     times).</li>
 * <li>Times (epoch seconds) increase strictly along each history, inside {@code [startEpochSecond,
 *     startEpochSecond + spanSeconds)}; each shopper is active over a stretch of that span.</li>
 * </ul>
 * The same settings and seed (or the same sequence of {@link Random} values) always give the same data. Immutable
 * and thread-safe; {@link #generate(Random)} uses only the {@code Random} it is given. Build with {@link #builder()}.
 */
public final class SyntheticInteractions {

    private static final int SUCCESSORS = 5;
    private static final int MAX_INTERESTS = 5;
    private static final int REDRAWS = 10;

    private final int interactions;
    private final int items;
    private final int clusters;
    private final double zipfExponent;
    private final double meanHistory;
    private final double historySpread;
    private final int maxHistory;
    private final double followProbability;
    private final double stayProbability;
    private final double switchProbability;
    private final double repeatProbability;
    private final long startEpochSecond;
    private final long spanSeconds;
    private final long seed;

    private SyntheticInteractions(Builder b) {
        this.interactions = b.interactions;
        this.items = b.items;
        this.clusters = b.clusters > 0 ? b.clusters : Math.max(1, b.items / 250);
        this.zipfExponent = b.zipfExponent;
        this.meanHistory = b.meanHistory;
        this.historySpread = b.historySpread;
        this.maxHistory = b.maxHistory > 0 ? b.maxHistory : (int) Math.max(10, Math.round(b.meanHistory * 50));
        this.followProbability = b.followProbability;
        this.stayProbability = b.stayProbability;
        this.switchProbability = b.switchProbability;
        this.repeatProbability = b.repeatProbability;
        this.startEpochSecond = b.startEpochSecond;
        this.spanSeconds = b.spanSeconds;
        this.seed = b.seed;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int interactions() {
        return interactions;
    }

    public int items() {
        return items;
    }

    public int clusters() {
        return clusters;
    }

    public long seed() {
        return seed;
    }

    /** Generates with a {@link Random} seeded with {@link #seed()}. */
    public InteractionData generate() {
        return generate(new Random(seed));
    }

    /** Generates drawing every choice from {@code random}. */
    public InteractionData generate(Random random) {
        Catalogue catalogue = new Catalogue(random);
        List<int[]> sequences = new ArrayList<>();
        List<long[]> times = new ArrayList<>();
        double mu = Math.log(meanHistory) - historySpread * historySpread / 2;
        int remaining = interactions;
        int[] interests = new int[MAX_INTERESTS];
        int[] lastHadBy = new int[items];
        Arrays.fill(lastHadBy, -1);
        while (remaining > 0) {
            int length = (int) Math.round(Math.exp(mu + historySpread * random.nextGaussian()));
            length = Math.min(remaining, Math.max(1, Math.min(maxHistory, length)));
            remaining -= length;
            int numInterests = 1;
            while (numInterests < MAX_INTERESTS && random.nextDouble() < 0.4) {
                numInterests++;
            }
            for (int x = 0; x < numInterests; x++) {
                interests[x] = catalogue.cluster(random);
            }
            sequences.add(history(catalogue, interests, numInterests, length, sequences.size(), lastHadBy, random));
            times.add(times(length, random));
        }
        List<String> userIds = new ArrayList<>(sequences.size());
        for (int u = 1; u <= sequences.size(); u++) {
            userIds.add("u" + u);
        }
        List<String> itemIds = new ArrayList<>(items);
        for (int i = 1; i <= items; i++) {
            itemIds.add(Integer.toString(i));
        }
        return new InteractionData(sequences.toArray(new int[0][]), times.toArray(new long[0][]), userIds, itemIds);
    }

    /** {@code lastHadBy[i]} is the last shopper who had item i, so repeats are known without a set per shopper. */
    private int[] history(Catalogue catalogue, int[] interests, int numInterests, int length, int user,
                          int[] lastHadBy, Random random) {
        int[] history = new int[length];
        int cluster = interests[0];
        int item = catalogue.itemOf(cluster, random);
        history[0] = item;
        lastHadBy[item] = user;
        for (int p = 1; p < length; p++) {
            int previous = item;
            for (int attempt = 0; ; attempt++) {
                item = next(catalogue, previous, cluster, interests, numInterests, random);
                if (lastHadBy[item] != user || attempt == REDRAWS || random.nextDouble() < repeatProbability) {
                    break;
                }
            }
            cluster = catalogue.clusterOf[item];
            history[p] = item;
            lastHadBy[item] = user;
        }
        return history;
    }

    private int next(Catalogue catalogue, int item, int cluster, int[] interests, int numInterests, Random random) {
        double r = random.nextDouble();
        if (r < followProbability) {
            return catalogue.successor(item, random);
        } else if (r < followProbability + stayProbability) {
            return catalogue.itemOf(cluster, random);
        } else if (r < followProbability + stayProbability + switchProbability) {
            return catalogue.itemOf(interests[random.nextInt(numInterests)], random);
        }
        return catalogue.anyItem(random);
    }

    /** {@code length} strictly increasing times inside the shopper's active stretch of the span. */
    private long[] times(int length, Random random) {
        long stretch = Math.min(spanSeconds, Math.max(length, (long) (-Math.log(1 - random.nextDouble())
                * spanSeconds / 4)));
        long start = (long) (random.nextDouble() * (spanSeconds - stretch + 1));
        long free = stretch - length;
        long[] times = new long[length];
        for (int p = 0; p < length; p++) {
            times[p] = (long) (random.nextDouble() * (free + 1));
        }
        Arrays.sort(times);
        for (int p = 0; p < length; p++) {
            times[p] += startEpochSecond + start + p;
        }
        return times;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "SyntheticInteractions[%d interactions, %d items, %d clusters, zipf %.2f, "
                        + "mean history %.1f (sigma %.2f, max %d), follow %.2f, stay %.2f, switch %.2f, repeat %.2f, seed %d]",
                interactions, items, clusters, zipfExponent, meanHistory, historySpread, maxHistory, followProbability,
                stayProbability, switchProbability, repeatProbability, seed);
    }

    /** Popularity, categories and successors of one generated catalogue. */
    private final class Catalogue {

        final int[] clusterOf = new int[items];
        /** Items grouped by cluster: cluster c's items are {@code byCluster[clusterStart[c] .. clusterStart[c+1])}. */
        final int[] byCluster = new int[items];
        final int[] clusterStart = new int[clusters + 1];
        /** Cumulative popularity along {@code byCluster}, restarting at 0 for each cluster. */
        final double[] withinCluster = new double[items];
        final double[] clusterCumulative = new double[clusters];
        final double[] itemCumulative = new double[items];
        final int[][] successors = new int[items][];

        Catalogue(Random random) {
            int[] rank = new int[items];
            for (int i = 0; i < items; i++) {
                rank[i] = i;
            }
            for (int i = items - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rank[i];
                rank[i] = rank[j];
                rank[j] = t;
            }
            double[] weight = new double[items];
            double total = 0;
            for (int i = 0; i < items; i++) {
                weight[i] = Math.pow(rank[i] + 1, -zipfExponent);
                total += weight[i];
                itemCumulative[i] = total;
                clusterOf[i] = random.nextInt(clusters);
            }
            int[] size = new int[clusters];
            for (int i = 0; i < items; i++) {
                size[clusterOf[i]]++;
            }
            for (int c = 0; c < clusters; c++) {
                clusterStart[c + 1] = clusterStart[c] + size[c];
            }
            int[] fill = Arrays.copyOf(clusterStart, clusters);
            for (int i = 0; i < items; i++) {
                byCluster[fill[clusterOf[i]]++] = i;
            }
            double clusterTotal = 0;
            for (int c = 0; c < clusters; c++) {
                double sum = 0;
                for (int x = clusterStart[c]; x < clusterStart[c + 1]; x++) {
                    sum += weight[byCluster[x]];
                    withinCluster[x] = sum;
                }
                clusterTotal += sum;
                clusterCumulative[c] = clusterTotal;
            }
            for (int i = 0; i < items; i++) {
                int c = clusterOf[i];
                int[] next = new int[SUCCESSORS];
                for (int s = 0; s < SUCCESSORS; s++) {
                    next[s] = itemOf(c, random);
                    if (next[s] == i && clusterStart[c + 1] - clusterStart[c] > 1) {
                        s--;
                    }
                }
                successors[i] = next;
            }
        }

        int cluster(Random random) {
            int c = search(clusterCumulative, 0, clusters, random.nextDouble() * clusterCumulative[clusters - 1]);
            // an empty cluster has no mass, so search never lands on one unless all before it are empty too
            while (clusterStart[c + 1] == clusterStart[c]) {
                c = (c + 1) % clusters;
            }
            return c;
        }

        int itemOf(int cluster, Random random) {
            int from = clusterStart[cluster];
            int to = clusterStart[cluster + 1];
            return byCluster[search(withinCluster, from, to, random.nextDouble() * withinCluster[to - 1])];
        }

        int anyItem(Random random) {
            return search(itemCumulative, 0, items, random.nextDouble() * itemCumulative[items - 1]);
        }

        int successor(int item, Random random) {
            return successors[item][random.nextInt(SUCCESSORS)];
        }

        /** The first index in {@code [from, to)} whose cumulative value exceeds {@code x} (the last if none). */
        private int search(double[] cumulative, int from, int to, double x) {
            int lo = from;
            int hi = to - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative[mid] > x) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            return lo;
        }
    }

    /** Settings of {@link SyntheticInteractions}; each is checked when set, with what a valid value is. */
    public static final class Builder {

        private int interactions = 1_000_000;
        private int items = 50_000;
        private int clusters;
        private double zipfExponent = 0.8;
        private double meanHistory = 20;
        private double historySpread = 1.0;
        private int maxHistory;
        private double followProbability = 0.3;
        private double stayProbability = 0.4;
        private double switchProbability = 0.2;
        private double repeatProbability = 0.1;
        private long startEpochSecond = 1_577_836_800L;
        private long spanSeconds = 365L * 24 * 3600;
        private long seed = 42;

        private Builder() {
        }

        /** Total number of interactions (default 1,000,000). */
        public Builder interactions(int interactions) {
            require(interactions >= 1, "interactions must be at least 1, was " + interactions);
            this.interactions = interactions;
            return this;
        }

        /** Catalogue size (default 50,000). */
        public Builder items(int items) {
            require(items >= 1, "items must be at least 1, was " + items);
            this.items = items;
            return this;
        }

        /** Number of latent categories (default one per 250 items, at least 1). */
        public Builder clusters(int clusters) {
            require(clusters >= 1, "clusters must be at least 1, was " + clusters);
            this.clusters = clusters;
            return this;
        }

        /**
         * Exponent of the power-law popularity (default 0.8: over 50,000 items the most popular takes about 2.5%
         * of the draws and the top 1% of items about a third; 0 = all items equally popular).
         */
        public Builder zipfExponent(double zipfExponent) {
            require(zipfExponent >= 0 && zipfExponent <= 5, "zipfExponent must be in [0, 5], was " + zipfExponent);
            this.zipfExponent = zipfExponent;
            return this;
        }

        /** Mean history length (default 20); with {@code historySpread}, the log-normal of history lengths. */
        public Builder meanHistory(double meanHistory) {
            require(meanHistory >= 1, "meanHistory must be at least 1, was " + meanHistory);
            this.meanHistory = meanHistory;
            return this;
        }

        /** Sigma of the log of history lengths (default 1.0; 0 = all about the mean). */
        public Builder historySpread(double historySpread) {
            require(historySpread >= 0 && historySpread <= 3, "historySpread must be in [0, 3], was " + historySpread);
            this.historySpread = historySpread;
            return this;
        }

        /** Longest history (default 50 times the mean, at least 10). */
        public Builder maxHistory(int maxHistory) {
            require(maxHistory >= 1, "maxHistory must be at least 1, was " + maxHistory);
            this.maxHistory = maxHistory;
            return this;
        }

        /**
         * Chances that the next item is a successor of the current one (default 0.3), another of its category
         * (0.4), one of another of the shopper's categories (0.2); the rest is any item. Must sum to at most 1.
         */
        public Builder transitions(double follow, double stay, double switchCategory) {
            require(follow >= 0 && stay >= 0 && switchCategory >= 0 && follow + stay + switchCategory <= 1,
                    "transition probabilities must not be negative and must sum to at most 1, were " + follow + ", "
                            + stay + ", " + switchCategory);
            this.followProbability = follow;
            this.stayProbability = stay;
            this.switchProbability = switchCategory;
            return this;
        }

        /** Chance that an item the shopper already had is kept when drawn again (default 0.1; 1 = no redraws). */
        public Builder repeatProbability(double repeatProbability) {
            require(repeatProbability >= 0 && repeatProbability <= 1,
                    "repeatProbability must be in [0, 1], was " + repeatProbability);
            this.repeatProbability = repeatProbability;
            return this;
        }

        /** Times lie in {@code [startEpochSecond, startEpochSecond + spanSeconds)} (default 2020, one year). */
        public Builder timeSpan(long startEpochSecond, long spanSeconds) {
            require(spanSeconds >= 1, "spanSeconds must be at least 1, was " + spanSeconds);
            this.startEpochSecond = startEpochSecond;
            this.spanSeconds = spanSeconds;
            return this;
        }

        /** Seed for {@link SyntheticInteractions#generate()} (default 42). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public SyntheticInteractions build() {
            int longest = maxHistory > 0 ? maxHistory : (int) Math.max(10, Math.round(meanHistory * 50));
            require(spanSeconds >= longest, "spanSeconds (" + spanSeconds + ") must be at least the longest history ("
                    + longest + ") so that times can increase strictly");
            return new SyntheticInteractions(this);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }
    }
}
