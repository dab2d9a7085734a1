package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * One {@code recommend()} call at catalogue size {@link #items}: a shopper with a history of 20, top 20, through
 * the whole serving path (history, ONNX Runtime, business rules, explanations), uncached and cached; next to the
 * same model scored by plain Java (dense score array + heap top-k) in the same JVM. The model is the shape the
 * default trains into: {@link #neighbours} neighbours per item and a popularity prior.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
@State(Scope.Benchmark)
public class RecommendBenchmark {

    static final int HISTORY = 20;
    static final int TOP = 20;

    @Param({"50000"})
    public int items;

    @Param({"200"})
    public int neighbours;

    private NeighbourModel model;
    private ServingModels models;
    private OnnxRecommender uncached;
    private OnnxRecommender cached;
    private RecommendationRequest request;
    private int[] history;
    private int cursor;
    private RecommendationRequest[] rotating;

    @Setup
    public void setUp() throws Exception {
        model = syntheticModel(items, neighbours, new Random(42));
        InteractionData data = InteractionData.of(new int[][] {{0}}, Collections.singletonList("u"), model.itemIds());
        byte[] onnx = NeighbourGraph.export(model, TrainingProvenance.of(model, data, "synthetic",
                NeighbourModel.class, Collections.singletonMap("neighbours", neighbours), Clock.systemUTC()))
                .toByteArray();
        models = new ServingModels();
        models.activate("default", "default-v1", onnx);

        Random random = new Random(7);
        history = new int[HISTORY];
        Map<ShopperKey, List<InteractionEvent>> stored = new HashMap<>();
        rotating = new RecommendationRequest[64];
        for (int s = 0; s < rotating.length; s++) {
            ShopperKey shopper = ShopperKey.customer(s + 1);
            List<InteractionEvent> events = new ArrayList<>();
            for (int p = 0; p < HISTORY; p++) {
                int item = random.nextInt(items);
                if (s == 0) {
                    history[HISTORY - 1 - p] = item;
                }
                events.add(InteractionEvent.builder(EventType.PRODUCT_VIEW, shopper, Instant.EPOCH)
                        .item(model.itemIds().get(item)).build());
            }
            stored.put(shopper, events);
            rotating[s] = RecommendationRequest.builder("bench").shopper(shopper).count(TOP).build();
        }
        request = rotating[0];
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> stored.get(shopper), 100,
                Duration.ofHours(1), Duration.ofHours(1), 10_000, Ticker.systemTicker());
        Catalogue catalogue = new SyntheticCatalogue(items);
        uncached = OnnxRecommender.builder(models, activity, catalogue)
                .placement(Placement.builder("bench").then("default", StrategyInput.SHOPPER_HISTORY)
                        .cacheTtl(Duration.ZERO).counts(TOP, 50).build()).build();
        cached = OnnxRecommender.builder(models, activity, catalogue)
                .placement(Placement.builder("bench").then("default", StrategyInput.SHOPPER_HISTORY)
                        .cacheTtl(Duration.ofHours(1)).counts(TOP, 50).build()).build();
    }

    @TearDown
    public void tearDown() {
        models.close();
    }

    /** Full serving path, nothing cached but the shopper's stored history; shoppers rotate. */
    @Benchmark
    public RecommendationResponse recommendUncached() {
        RecommendationRequest r = rotating[cursor++ & (rotating.length - 1)];
        return uncached.recommend(r);
    }

    /** The same call answered from the Caffeine result cache. */
    @Benchmark
    public RecommendationResponse recommendCached() {
        return cached.recommend(request);
    }

    /** Baseline: the same model scored in plain Java over a dense array, history excluded, heap top 20. */
    @Benchmark
    public int[] plainJavaScorer() {
        return plainTopK(model, history, TOP);
    }

    static int[] plainTopK(NeighbourModel model, int[] history, int k) {
        float[] scores = new float[model.numItems()];
        model.score(history, scores);
        for (int item : history) {
            scores[item] = Float.NEGATIVE_INFINITY;
        }
        PriorityQueue<Integer> heap = new PriorityQueue<>(k + 1, (a, b) -> Float.compare(scores[a], scores[b]));
        for (int i = 0; i < scores.length; i++) {
            if (heap.size() < k) {
                heap.add(i);
            } else if (scores[i] > scores[heap.peek()]) {
                heap.poll();
                heap.add(i);
            }
        }
        int[] top = new int[heap.size()];
        for (int r = top.length - 1; r >= 0; r--) {
            top[r] = heap.poll();
        }
        return top;
    }

    /** Neighbour lists of a fixed size with decreasing weights, plus a Zipf-like popularity prior. */
    static NeighbourModel syntheticModel(int items, int neighbours, Random random) {
        List<String> ids = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            ids.add("sku-" + i);
        }
        int[][] neighbourIds = new int[items][];
        float[][] weights = new float[items][];
        float[] prior = new float[items];
        for (int i = 0; i < items; i++) {
            int m = Math.min(neighbours, items - 1);
            neighbourIds[i] = new int[m];
            weights[i] = new float[m];
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            seen.add(i);
            for (int x = 0; x < m; x++) {
                int j;
                do {
                    j = random.nextInt(items);
                } while (!seen.add(j));
                neighbourIds[i][x] = j;
                weights[i][x] = 1f / (x + 1);
            }
            prior[i] = (float) (1e-3 / (1 + i));
        }
        return new NeighbourModel("default", ids, neighbourIds, weights, prior, 0.35);
    }

    /** Every item available, one of 50 categories, priced. */
    static final class SyntheticCatalogue implements Catalogue {
        private final CatalogueItem[] items;

        SyntheticCatalogue(int n) {
            items = new CatalogueItem[n];
            for (int i = 0; i < n; i++) {
                items[i] = new CatalogueItem("sku-" + i, "Product " + i, Collections.singletonList("c" + (i % 50)),
                        BigDecimal.valueOf(5 + i % 100), true, true);
            }
        }

        @Override
        public CatalogueItem item(String id) {
            if (!id.startsWith("sku-")) {
                return null;
            }
            int i = Integer.parseInt(id.substring(4));
            return i < items.length ? items[i] : null;
        }
    }
}
