package io.shelfwise.recommend.eval;

import io.shelfwise.recommend.algo.ItemScorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Scores every item of the catalogue for every evaluated user (no sampled negatives), removes the items in the
 * user's history from the ranking, and measures where the held-out target lands. Ties are broken by item id, so
 * results are deterministic. Users are split over a fixed number of threads.
 */
public final class FullRankingEvaluator {

    private final int k;
    private final int threads;

    public FullRankingEvaluator(int k, int threads) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.k = k;
        this.threads = threads;
    }

    /**
     * @param histories what each user's model input is (null to skip the user)
     * @param targets   the held-out item per user (-1 to skip the user)
     * @param progress  called with the number of users done so far, from worker threads
     */
    public RankingMetrics evaluate(ItemScorer scorer, int[][] histories, int[] targets, IntConsumer progress)
            throws InterruptedException {
        int numItems = scorer.numItems();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        boolean[][] recommended = new boolean[threads][numItems];
        // each user's hit position (-1 miss, -2 not evaluated), summed in user order afterwards so the metrics
        // do not depend on which thread took which user
        int[] positions = new int[histories.length];
        Arrays.fill(positions, -2);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shelfwise-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                final int worker = t;
                futures.add(pool.submit(() -> {
                    float[] scores = new float[numItems];
                    int[] top = new int[k];
                    for (int u = next.getAndIncrement(); u < histories.length; u = next.getAndIncrement()) {
                        if (histories[u] != null && targets[u] >= 0) {
                            Arrays.fill(scores, 0f);
                            scorer.score(histories[u], scores);
                            for (int item : histories[u]) {
                                if (item >= 0 && item < numItems) {
                                    scores[item] = Float.NEGATIVE_INFINITY;
                                }
                            }
                            int n = topK(scores, top);
                            int position = -1;
                            for (int p = 0; p < n; p++) {
                                recommended[worker][top[p]] = true;
                                if (top[p] == targets[u]) {
                                    position = p;
                                }
                            }
                            positions[u] = position;
                        }
                        progress.accept(done.incrementAndGet());
                    }
                    return null;
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Evaluation failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        double users = 0;
        double hits = 0;
        double ndcg = 0;
        double mrr = 0;
        for (int position : positions) {
            if (position == -2) {
                continue;
            }
            users++;
            if (position >= 0) {
                hits++;
                ndcg += 1.0 / (Math.log(position + 2) / Math.log(2));
                mrr += 1.0 / (position + 1);
            }
        }
        int covered = 0;
        for (int i = 0; i < numItems; i++) {
            for (boolean[] r : recommended) {
                if (r[i]) {
                    covered++;
                    break;
                }
            }
        }
        double n = Math.max(1, users);
        return new RankingMetrics(k, (int) users, hits / n, ndcg / n, mrr / n, (double) covered / numItems);
    }

    /** The indices of the k highest scores, best first, ties to the lower index; returns how many were found. */
    public static int topK(float[] scores, int[] top) {
        int k = top.length;
        int size = 0;
        for (int i = 0; i < scores.length; i++) {
            float s = scores[i];
            if (s == Float.NEGATIVE_INFINITY) {
                continue;
            }
            if (size < k) {
                int p = size++;
                while (p > 0 && better(s, i, scores[top[p - 1]], top[p - 1])) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = i;
            } else if (better(s, i, scores[top[k - 1]], top[k - 1])) {
                int p = k - 1;
                while (p > 0 && better(s, i, scores[top[p - 1]], top[p - 1])) {
                    top[p] = top[p - 1];
                    p--;
                }
                top[p] = i;
            }
        }
        return size;
    }

    private static boolean better(float s, int i, float other, int otherIndex) {
        return s > other || (s == other && i < otherIndex);
    }
}
