package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.Recommendation;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;
import io.shelfwise.recommend.Recommender;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.UnknownPlacementException;
import io.shelfwise.recommend.onnx.RankedItems;
import io.shelfwise.recommend.onnx.RankingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The {@link Recommender}: for a request it walks the placement's chain of strategies, asks each active ONNX
 * model for candidates, applies the placement's business rules (exclusions, availability, category and price
 * filters, a cap per category, nothing the page already shows) and fills the list, explaining each item. Results
 * are cached with Caffeine, keyed by placement, shopper (with their activity generation), context and the model
 * generation, so a new event of the shopper or a model switch makes them stale at once. While an A/B experiment
 * runs on a placement, an {@link ArmSelector} gives each shopper their arm: its placement settings and model slots
 * are served, the cache keys on the arm, and the response names it. Thread-safe.
 * <p>
 * This class fills the chain (and its blends) from the models; the rest is in its package: {@link RequestContext}
 * (inputs and exclusions of one request), {@link PlacementRules} (which items may be shown), {@link Explanations}
 * (the sentence under each item) and {@link ResultCache}.
 */
public final class OnnxRecommender implements Recommender, ArmRouting {

    private static final Logger LOG = LoggerFactory.getLogger(OnnxRecommender.class);

    private final Map<String, Placement> placements;
    private final ServingModels models;
    private final ShopperActivity activity;
    private final Catalogue catalogue;
    private final ResultCache results;
    private final Explanations explanations;
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private volatile ArmSelector arms;

    private OnnxRecommender(Builder b) {
        Map<String, Placement> map = new LinkedHashMap<>();
        for (Placement p : b.placements) {
            map.put(p.name(), p);
        }
        this.placements = new ConcurrentHashMap<>(map);
        this.models = b.models;
        this.activity = b.activity;
        this.catalogue = b.catalogue;
        this.registry = b.registry;
        this.arms = b.arms;
        this.results = new ResultCache(b.cacheSize, b.ticker, registry);
        this.explanations = new Explanations(catalogue);
    }

    public static Builder builder(ServingModels models, ShopperActivity activity, Catalogue catalogue) {
        return new Builder(models, activity, catalogue);
    }

    @Override
    public RecommendationResponse recommend(RecommendationRequest request) {
        Placement placement = placements.get(request.placement());
        if (placement == null) {
            throw new UnknownPlacementException(request.placement(), placements.keySet());
        }
        long start = System.nanoTime();
        ServedArm arm = arm(placement, request.shopper());
        if (arm != null) {
            placement = arm.placement();
        }
        int count = request.count() == 0 ? placement.defaultCount() : Math.min(request.count(), placement.maxCount());
        ShopperActivity.ShopperState state = activity.state(request.shopper(), request.firstVisit());
        // shoppers the store knows nothing of (new visitors, headless clients without cookies) share their lists
        ResultCache.Key key = new ResultCache.Key(placement, request, state.blank() ? null : request.shopper(), count,
                state.generation, models.generation(),
                arm == null ? null : arm.models() == null ? arm.cacheKey()
                        : arm.cacheKey() + "#" + arm.models().generation());
        RecommendationResponse response = null;
        // a list made without the shopper's stored history (not read in time) is not worth keeping
        boolean cacheable = !placement.cacheTtl().isZero() && state.complete;
        if (cacheable) {
            response = results.get(key);
        }
        if (response == null) {
            response = compute(placement, arm, request, count, state);
            if (cacheable) {
                results.put(key, response);
            }
        }
        timer(placement.name(), response.cached()).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return response;
    }

    /** The shopper's arm, or {@code null}; a failing selector serves the placement as configured. */
    private ServedArm arm(Placement placement, ShopperKey shopper) {
        ArmSelector selector = arms;
        if (selector == null) {
            return null;
        }
        try {
            ServedArm arm = selector.select(placement, shopper);
            if (arm != null && !arm.placement().name().equals(placement.name())) {
                throw new IllegalStateException("arm " + arm.name() + " serves placement " + arm.placement().name());
            }
            return arm;
        } catch (RuntimeException e) {
            registry.counter("shelfwise.recommend.arm.failures").increment();
            LOG.warn("Shelfwise: choosing the A/B arm of " + placement.name() + " failed, serving it as configured: "
                    + e);
            return null;
        }
    }

    /**
     * What {@code candidate} (a placement's settings, saved or not) would show for the request, computed now: the
     * request's own placement name is ignored, nothing is read from or put into the result cache and no timer is
     * recorded, so what shoppers are served does not change. The shopper's stored history is read as for a request.
     *
     * @throws NullPointerException if an argument is {@code null}
     */
    @Override
    public RecommendationResponse preview(Placement candidate, RecommendationRequest request) {
        Objects.requireNonNull(candidate, "candidate");
        int count = request.count() == 0 ? candidate.defaultCount() : Math.min(request.count(), candidate.maxCount());
        ShopperActivity.ShopperState state = activity.state(request.shopper(), request.firstVisit());
        return compute(candidate, null, request, count, state);
    }

    private RecommendationResponse compute(Placement placement, ServedArm arm, RecommendationRequest request,
                                           int count, ShopperActivity.ShopperState state) {
        RequestContext context = new RequestContext(placement, arm, request, state);
        Map<String, Recommendation> picked = new LinkedHashMap<>();
        Map<String, Integer> perCategory = new HashMap<>();
        boolean fallback = false;
        for (int s = 0; s < placement.chain().size() && picked.size() < count; s++) {
            Placement.Step step = placement.chain().get(s);
            int before = picked.size();
            fill(step, context, count, picked, perCategory);
            if (s > 0 && picked.size() > before) {
                fallback = true;
            }
        }
        return new RecommendationResponse(placement.name(), new ArrayList<>(picked.values()), fallback, false,
                arm == null ? null : arm.name());
    }

    /** Adds what one step of the chain can contribute; a failing model is logged, counted and skipped. */
    private void fill(Placement.Step step, RequestContext context, int count, Map<String, Recommendation> picked,
                      Map<String, Integer> perCategory) {
        if (step.isBlend()) {
            fillBlend(step, context, count, picked, perCategory);
            return;
        }
        ServingModels.Lease lease = lease(context, step.strategy());
        if (lease == null) {
            return;
        }
        try {
            int want = Math.min(lease.model().itemIds().size(), (count - picked.size()) * 3 + 10);
            while (true) {
                Ranked ranked = rank(step.parts().get(0), lease, context, picked, want);
                if (ranked == null) {
                    return;
                }
                take(context, ranked.candidates, count, picked, perCategory);
                if (picked.size() >= count || ranked.exhausted || want > 2000) {
                    break;
                }
                want = Math.min(lease.model().itemIds().size(), want * 4);
            }
        } catch (Exception | LinkageError e) {
            failed(step.strategy(), lease.version(), context, e);
        } finally {
            lease.close();
        }
    }

    /**
     * A blended step: each part's candidates, scores scaled to [0, 1] per part (min to max of what it returned),
     * summed with the parts' weights (divided by their total) and ordered by that; each item is explained and
     * labelled by the part that contributed most to it. A part without a model or input adds nothing; a failing
     * one is logged, counted and left out.
     */
    private void fillBlend(Placement.Step step, RequestContext context, int count, Map<String, Recommendation> picked,
                           Map<String, Integer> perCategory) {
        List<Placement.BlendPart> parts = step.parts();
        ServingModels.Lease[] leases = new ServingModels.Lease[parts.size()];
        double totalWeight = 0;
        int largest = 0;
        try {
            for (int i = 0; i < parts.size(); i++) {
                leases[i] = lease(context, parts.get(i).strategy());
                totalWeight += parts.get(i).weight();
                if (leases[i] != null) {
                    largest = Math.max(largest, leases[i].model().itemIds().size());
                }
            }
            int want = Math.min(largest, (count - picked.size()) * 3 + 10);
            while (want > 0) {
                Map<String, BlendedItem> blended = new LinkedHashMap<>();
                boolean exhausted = true;
                for (int i = 0; i < parts.size(); i++) {
                    if (leases[i] == null) {
                        continue;
                    }
                    Ranked ranked;
                    try {
                        ranked = rank(parts.get(i), leases[i], context, picked, want);
                    } catch (Exception | LinkageError e) {
                        failed(parts.get(i).strategy(), leases[i].version(), context, e);
                        leases[i].close();
                        leases[i] = null;
                        continue;
                    }
                    if (ranked == null) {
                        continue;
                    }
                    exhausted &= ranked.exhausted;
                    addScaled(blended, ranked.candidates, parts.get(i).weight() / totalWeight);
                }
                List<BlendedItem> order = new ArrayList<>(blended.values());
                order.sort((a, b) -> Double.compare(b.total, a.total));
                List<Candidate> candidates = new ArrayList<>(order.size());
                for (BlendedItem item : order) {
                    candidates.add(item.strongest.withScore((float) item.total));
                }
                take(context, candidates, count, picked, perCategory);
                if (picked.size() >= count || exhausted || want > 2000 || want >= largest) {
                    break;
                }
                want = Math.min(largest, want * 4);
            }
        } finally {
            for (ServingModels.Lease lease : leases) {
                if (lease != null) {
                    lease.close();
                }
            }
        }
    }

    /** Adds one part's candidates to a blend, scaled to [0, 1] and weighted. */
    private static void addScaled(Map<String, BlendedItem> blended, List<Candidate> candidates, double weight) {
        if (candidates.isEmpty()) {
            return;
        }
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (Candidate c : candidates) {
            max = Math.max(max, c.score);
            min = Math.min(min, c.score);
        }
        double range = max - min;
        for (Candidate c : candidates) {
            double scaled = range > 0 && !Double.isInfinite(range) ? (c.score - min) / range : 1;
            double contribution = weight * scaled;
            BlendedItem item = blended.get(c.itemId);
            if (item == null) {
                blended.put(c.itemId, new BlendedItem(c, contribution));
            } else {
                item.total += contribution;
                if (contribution > item.strongestContribution) {
                    item.strongest = c;
                    item.strongestContribution = contribution;
                }
            }
        }
    }

    /** An item's running blended score and the part contributing most to it. */
    private static final class BlendedItem {
        Candidate strongest;
        double strongestContribution;
        double total;

        BlendedItem(Candidate first, double contribution) {
            this.strongest = first;
            this.strongestContribution = contribution;
            this.total = contribution;
        }
    }

    private ServingModels.Lease lease(RequestContext context, String strategy) {
        String armSlot = context.arm == null ? null : context.arm.slots().get(strategy);
        if (armSlot != null) {
            // the arm's own version; not loaded (it failed) means this step falls back, never the control's model
            return context.arm.models().acquire(armSlot);
        }
        ServingModels.Lease lease = models.acquire(context.placement.name() + "." + strategy);
        return lease != null ? lease : models.acquire(strategy);
    }

    private void failed(String strategy, String version, RequestContext context, Throwable e) {
        registry.counter("shelfwise.recommend.model.failures", "strategy", strategy).increment();
        LOG.warn("Shelfwise: model " + version + " failed for placement " + context.placement.name()
                + ", falling back: " + e);
    }

    /** One model's top {@code want} for a part's input, or {@code null} when the input is empty. */
    private Ranked rank(Placement.BlendPart part, ServingModels.Lease lease, RequestContext context,
                        Map<String, Recommendation> picked, int want) throws Exception {
        RankingModel model = lease.model();
        List<String> inputIds = context.input(part.input());
        if (part.input() != StrategyInput.NONE && inputIds.isEmpty()) {
            return null;
        }
        int[] input = indices(model, inputIds);
        if (part.input() != StrategyInput.NONE && input.length == 0) {
            return null;
        }
        Set<String> excluded = new LinkedHashSet<>(context.excluded);
        excluded.addAll(picked.keySet());
        int[] exclude = indices(model, excluded);
        RankedItems ranked = model.rank(input, exclude, want);
        List<Candidate> candidates = new ArrayList<>(ranked.size());
        for (int r = 0; r < ranked.size(); r++) {
            String id = model.itemIds().get(ranked.item(r));
            int source = ranked.source(r);
            String sourceId = source >= 0 ? model.itemIds().get(input[source]) : null;
            boolean wholeHistory = false;
            if (sourceId == null && !model.attributesToHistory() && input.length > 0) {
                // a sequence model reads the whole history: one page item is what it goes with, else the visit
                if (part.input() == StrategyInput.CONTEXT_ITEMS && input.length == 1) {
                    sourceId = model.itemIds().get(input[0]);
                } else {
                    wholeHistory = true;
                }
            }
            candidates.add(new Candidate(id, ranked.score(r), part.strategy(), part.input(), lease.version(),
                    sourceId, wholeHistory));
        }
        boolean exhausted = ranked.size() < want || want >= model.itemIds().size();
        return new Ranked(candidates, exhausted);
    }

    /** One model's answer, as candidates. */
    private static final class Ranked {
        final List<Candidate> candidates;
        final boolean exhausted;

        Ranked(List<Candidate> candidates, boolean exhausted) {
            this.candidates = candidates;
            this.exhausted = exhausted;
        }
    }

    private void take(RequestContext context, List<Candidate> candidates, int count, Map<String, Recommendation> picked,
                      Map<String, Integer> perCategory) {
        Placement placement = context.placement;
        for (int r = 0; r < candidates.size() && picked.size() < count; r++) {
            Candidate candidate = candidates.get(r);
            String id = candidate.itemId;
            if (picked.containsKey(id) || context.excluded.contains(id)) {
                continue;
            }
            CatalogueItem item = lookUp(id);
            if (item == null || !PlacementRules.allowed(context, item)) {
                continue;
            }
            String category = item.primaryCategory();
            if (placement.maxPerCategory() > 0 && category != null) {
                int n = perCategory.getOrDefault(category, 0);
                if (n >= placement.maxPerCategory()) {
                    continue;
                }
                perCategory.put(category, n + 1);
            }
            picked.put(id, new Recommendation(id, candidate.score, candidate.strategy, candidate.version,
                    explanations.reason(candidate, context, item), candidate.sourceId));
        }
    }

    private CatalogueItem lookUp(String id) {
        try {
            return catalogue.item(id);
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: the catalogue failed to look up " + id + ": " + e.getMessage());
            return null;
        }
    }

    private static int[] indices(RankingModel model, Iterable<String> ids) {
        int[] out = new int[16];
        int n = 0;
        for (String id : ids) {
            int index = model.indexOf(id);
            if (index >= 0) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, n * 2);
                }
                out[n++] = index;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private Timer timer(String placement, boolean cached) {
        return timers.computeIfAbsent(placement + (cached ? "#cached" : "#computed"), k -> Timer
                .builder("shelfwise.recommend").tag("placement", placement).tag("cached", Boolean.toString(cached))
                // client-side percentiles over a sliding window (a few KB per timer), read by the admin's health page
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry));
    }

    /** Replaces or adds a placement's configuration; its cached results go stale at once. */
    @Override
    public void configure(Placement placement) {
        placements.put(placement.name(), placement);
        results.invalidate(placement.name());
    }

    /**
     * Serves A/B arms chosen by {@code selector} from now on ({@code null}: none). For wiring that builds the
     * selector after the recommender.
     */
    @Override
    public void selectArms(ArmSelector selector) {
        this.arms = selector;
    }

    /** The placements as configured (without any A/B arm's variant). */
    @Override
    public Map<String, Placement> placements() {
        return Collections.unmodifiableMap(placements);
    }

    /** Hits, misses, evictions of the result cache. */
    public CacheStats cacheStats() {
        return results.stats();
    }

    /** Builds an {@link OnnxRecommender}. */
    public static final class Builder {
        private final ServingModels models;
        private final ShopperActivity activity;
        private final Catalogue catalogue;
        private final List<Placement> placements = new ArrayList<>();
        private long cacheSize = 100_000;
        private Ticker ticker = Ticker.systemTicker();
        private MeterRegistry registry = new SimpleMeterRegistry();
        private ArmSelector arms;

        private Builder(ServingModels models, ShopperActivity activity, Catalogue catalogue) {
            this.models = Objects.requireNonNull(models, "models");
            this.activity = Objects.requireNonNull(activity, "activity");
            this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
        }

        public Builder placement(Placement placement) {
            placements.add(placement);
            return this;
        }

        public Builder placements(List<Placement> values) {
            placements.addAll(values);
            return this;
        }

        /** Most results kept in the cache. */
        public Builder cacheSize(long value) {
            if (value < 0) {
                throw new IllegalArgumentException("cache size cannot be negative, was " + value);
            }
            this.cacheSize = value;
            return this;
        }

        public Builder ticker(Ticker value) {
            this.ticker = Objects.requireNonNull(value, "ticker");
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        /** Chooses A/B arms while experiments run; none by default. */
        public Builder armSelector(ArmSelector value) {
            this.arms = value;
            return this;
        }

        public OnnxRecommender build() {
            if (placements.isEmpty()) {
                throw new IllegalArgumentException("Configure at least one placement");
            }
            return new OnnxRecommender(this);
        }
    }
}
