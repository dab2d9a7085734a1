package io.shelfwise.recommend.algo;

import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.ItemContent;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Chooses the {@code default} model's settings on validation targets only (each shopper's second-to-last item):
 * a grid over similarity asymmetry and recency decay with order ignored, then the weight of item transitions at
 * the best of those, then content and a popularity or trend prior (see {@link #tune(LeaveOneOut.Phase,
 * FullRankingEvaluator, ItemContent, Function)}). The same procedure serves {@code ./shelfwise eval} and the
 * store's own training runs, so the model measured offline is the model served.
 */
public final class DefaultModel {

    static final double[] ALPHAS = {0.5, 0.7, 0.85};
    static final double[] DECAYS = {1.0, 0.7, 0.5, 0.35, 0.2};
    static final double[] TRANSITIONS = {0.5, 1, 2, 4, 8, 16};
    static final double[] CONTENT_WEIGHTS = {0.05, 0.1, 0.2, 0.5, 1};
    /** Weights of a prior scaled to [0, 1]; similarity scores of a good match are of order 0.1 to 1. */
    static final double[] PRIOR_WEIGHTS = {0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30};
    /** The weights each prior source is tried at before the best source gets the whole grid. */
    static final double[] COARSE_PRIOR_WEIGHTS = {0.03, 0.3, 3, 30};
    /** Validation targets asked at most: enough to tell settings apart, and it bounds tuning on large stores. */
    public static final int MAX_VALIDATION_USERS = 5_000;
    static final long[] TRENDING_HALF_LIFE_HOURS = {24, 7 * 24, 30 * 24};
    /** Neighbours per item of the content part of a blend. */
    public static final int CONTENT_NEIGHBOURS = 100;
    public static final int NEIGHBOURS = 200;
    public static final int WINDOW = 3;
    /** The score the most popular item starts from: breaks ties and fills short lists, changes no measured rank. */
    public static final double POPULARITY_PRIOR = 1e-3;

    private final double alpha;
    private final double decay;
    private final double transitions;
    private final double validationNdcg;
    private final ItemContent content;
    private final double contentWeight;
    /** Popularity or trend the blend starts every item from: its trainer's name, or null for none. */
    private final String priorSource;
    private final double priorWeight;

    private DefaultModel(double alpha, double decay, double transitions, double validationNdcg) {
        this(alpha, decay, transitions, validationNdcg, null, 0, null, 0);
    }

    private DefaultModel(double alpha, double decay, double transitions, double validationNdcg,
                               ItemContent content, double contentWeight, String priorSource, double priorWeight) {
        this.alpha = alpha;
        this.decay = decay;
        this.transitions = transitions;
        this.validationNdcg = validationNdcg;
        this.content = content;
        this.contentWeight = contentWeight;
        this.priorSource = priorSource;
        this.priorWeight = priorWeight;
    }

    /**
     * The whole tuning, the same for {@code ./shelfwise eval} and a store's training runs: the item-kNN grid and
     * transitions, then content (when given), then a popularity or trending prior, each kept only where it
     * improves validation NDCG. At most {@link #MAX_VALIDATION_USERS} validation targets are asked, evenly spread
     * over the shoppers.
     *
     * @param content the items' content, or {@code null} for none
     */
    public static DefaultModel tune(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator,
                                          ItemContent content, Function<String, IntConsumer> progress)
            throws InterruptedException {
        LeaveOneOut.Phase sample = validation.sample(MAX_VALIDATION_USERS);
        DefaultModel tuning = tune(sample, evaluator, progress);
        if (content != null) {
            tuning = tuning.withContent(content, sample, evaluator, progress);
        }
        return tuning.withPrior(sample, evaluator, progress);
    }

    /**
     * Then tries starting every item from its popularity, or from how much it is trending (several half-lives
     * when the data has times), scaled to [0, 1] and weighted on a grid; kept only where validation NDCG
     * improves. Stores and datasets where what is in demand now predicts the next item (a temporal split) gain
     * most; on others the grid simply finds nothing better.
     */
    public DefaultModel withPrior(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator,
                                        Function<String, IntConsumer> progress) throws InterruptedException {
        DefaultModel best = this;
        double bestNdcg = Double.isNaN(validationNdcg) ? -1 : validationNdcg;
        NeighbourModel base = trainer().train(validation.train);
        // coarse to fine: the source first, at a few weights far apart; then the whole weight grid for the best
        String bestSource = null;
        double bestCoarse = -1;
        Map<String, NeighbourModel> priors = new LinkedHashMap<>();
        for (String source : priorSources(validation.train.hasTimes())) {
            NeighbourModel prior = priorTrainer(source).train(validation.train);
            priors.put(source, prior);
            for (double weight : COARSE_PRIOR_WEIGHTS) {
                double ndcg = validatePrior(validation, evaluator, base, prior, source, weight, progress);
                if (ndcg > bestCoarse) {
                    bestCoarse = ndcg;
                    bestSource = source;
                }
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = new DefaultModel(alpha, decay, transitions, ndcg, content, contentWeight, source,
                            weight);
                }
            }
        }
        for (double weight : PRIOR_WEIGHTS) {
            if (contains(COARSE_PRIOR_WEIGHTS, weight)) {
                continue;
            }
            double ndcg = validatePrior(validation, evaluator, base, priors.get(bestSource), bestSource, weight,
                    progress);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = new DefaultModel(alpha, decay, transitions, ndcg, content, contentWeight, bestSource,
                        weight);
            }
        }
        return best;
    }

    private static double validatePrior(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator,
                                        NeighbourModel base, NeighbourModel prior, String source, double weight,
                                        Function<String, IntConsumer> progress) throws InterruptedException {
        NeighbourModel blend = NeighbourBlend.blend("default", new NeighbourModel[] {base, prior},
                new double[] {1, weight}, NEIGHBOURS);
        return validate(validation, evaluator, blend,
                String.format(java.util.Locale.ROOT, "default validation %s=%.3f", source, weight), progress);
    }

    private static boolean contains(double[] values, double value) {
        for (double v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    static List<String> priorSources(boolean hasTimes) {
        List<String> sources = new ArrayList<>();
        sources.add("pop");
        if (hasTimes) {
            for (long hours : TRENDING_HALF_LIFE_HOURS) {
                sources.add("trending-" + hours + "h");
            }
        } else {
            sources.add("trending");
        }
        return sources;
    }

    /** A prior source's trainer, its prior scaled so the top item has 1 (weights then mean the same on any data). */
    static NeighbourTrainer priorTrainer(String source) {
        NeighbourTrainer trainer;
        if (source.equals("pop")) {
            trainer = new PopularityTrainer();
        } else if (source.equals("trending")) {
            trainer = new TrendingTrainer(Duration.ofDays(7));
        } else if (source.startsWith("trending-") && source.endsWith("h")) {
            trainer = new TrendingTrainer(Duration.ofHours(Long.parseLong(source.substring(9, source.length() - 1))));
        } else {
            throw new IllegalArgumentException("Unknown prior source '" + source + "'");
        }
        return new UnitScaledPrior(trainer);
    }

    /** A prior-only model scaled to a maximum of 1. */
    private static final class UnitScaledPrior implements NeighbourTrainer {
        private final NeighbourTrainer trainer;

        UnitScaledPrior(NeighbourTrainer trainer) {
            this.trainer = trainer;
        }

        @Override
        public String name() {
            return trainer.name();
        }

        @Override
        public NeighbourModel train(InteractionData data) {
            NeighbourModel model = trainer.train(data);
            float max = 0;
            for (int i = 0; i < model.numItems(); i++) {
                max = Math.max(max, model.prior(i));
            }
            float[] prior = new float[model.numItems()];
            for (int i = 0; i < prior.length; i++) {
                prior[i] = max > 0 ? model.prior(i) / max : 0;
            }
            return NeighbourModel.priorOnly(model.strategy(), model.itemIds(), prior);
        }
    }

    /**
     * Then tries blending content similarity in, at a grid of weights, keeping it only where validation NDCG
     * improves (so it can never be worse on validation than without).
     */
    public DefaultModel withContent(ItemContent itemContent, LeaveOneOut.Phase validation,
                                          FullRankingEvaluator evaluator, Function<String, IntConsumer> progress)
            throws InterruptedException {
        DefaultModel best = this;
        double bestNdcg = Double.isNaN(validationNdcg) ? -1 : validationNdcg;
        NeighbourModel knn = trainer().train(validation.train);
        NeighbourModel similar = contentTrainer(itemContent).train(validation.train);
        for (double weight : CONTENT_WEIGHTS) {
            NeighbourModel blend = NeighbourBlend.blend("default", new NeighbourModel[] {knn, similar},
                    new double[] {1, weight}, NEIGHBOURS);
            double ndcg = evaluator.evaluate(blend, validation.histories, validation.targets,
                    progress.apply(String.format(java.util.Locale.ROOT, "default validation content=%.2f", weight)))
                    .ndcg();
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = new DefaultModel(alpha, decay, transitions, ndcg, itemContent, weight, priorSource,
                        priorWeight);
            }
        }
        return best;
    }

    private static ContentTrainer contentTrainer(ItemContent itemContent) {
        return new ContentTrainer(itemContent, CONTENT_NEIGHBOURS, 0.5, false);
    }

    /** Untuned settings: those Amazon Beauty's validation chose (for data too small to validate on). */
    public static DefaultModel fallback() {
        return new DefaultModel(0.85, 0.35, 4, Double.NaN);
    }

    /**
     * Tunes on {@code data}'s validation targets.
     *
     * @param progress for each setting tried, a name for it and the sink its evaluation reports progress to
     */
    public static DefaultModel tune(InteractionData data, FullRankingEvaluator evaluator,
                                          Function<String, IntConsumer> progress) throws InterruptedException {
        return tune(LeaveOneOut.validation(data), evaluator, progress);
    }

    /** Tunes on a given validation phase (leave-one-out's, or a temporal split's). */
    public static DefaultModel tune(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator,
                                          Function<String, IntConsumer> progress) throws InterruptedException {
        double bestNdcg = -1;
        DefaultModel best = fallback();
        for (double alpha : ALPHAS) {
            // the recency decay is read at scoring time: one training per alpha serves every decay
            NeighbourModel trained = trainer(alpha, 1.0, 0).train(validation.train);
            for (double decay : DECAYS) {
                double ndcg = validate(validation, evaluator, trained.withRecencyDecay(decay),
                        label(alpha, decay, 0), progress);
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = new DefaultModel(alpha, decay, 0, ndcg);
                }
            }
        }
        for (double transitions : TRANSITIONS) {
            double ndcg = validate(validation, evaluator,
                    trainer(best.alpha, best.decay, transitions).train(validation.train),
                    label(best.alpha, best.decay, transitions), progress);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = new DefaultModel(best.alpha, best.decay, transitions, ndcg);
            }
        }
        return best;
    }

    private static String label(double alpha, double decay, double transitions) {
        return String.format(java.util.Locale.ROOT, "default validation a=%.2f d=%.2f t=%.1f", alpha, decay,
                transitions);
    }

    private static double validate(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator, NeighbourModel model,
                                   String name, Function<String, IntConsumer> progress) throws InterruptedException {
        return evaluator.evaluate(model, validation.histories, validation.targets, progress.apply(name)).ndcg();
    }

    private static ItemKnnTrainer trainer(double alpha, double decay, double transitions) {
        return new ItemKnnTrainer("default", NEIGHBOURS, alpha, 0, decay, transitions, WINDOW, POPULARITY_PRIOR);
    }

    /**
     * The default model's trainer with these settings: item-kNN, blended with content and a popularity or trend
     * prior where those helped.
     */
    public NeighbourTrainer trainer() {
        List<NeighbourTrainer> parts = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        parts.add(trainer(alpha, decay, transitions));
        weights.add(1.0);
        if (blendsContent()) {
            parts.add(contentTrainer(content));
            weights.add(contentWeight);
        }
        if (blendsPrior()) {
            parts.add(priorTrainer(priorSource));
            weights.add(priorWeight);
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        double[] w = new double[weights.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights.get(i);
        }
        return new BlendedTrainer("default", parts.toArray(new NeighbourTrainer[0]), w, NEIGHBOURS);
    }

    /** The one place that says which parts the blend has: the trainer and the recorded settings both ask. */
    private boolean blendsContent() {
        return contentWeight > 0;
    }

    private boolean blendsPrior() {
        return priorSource != null && priorWeight > 0;
    }

    public double alpha() {
        return alpha;
    }

    public double recencyDecay() {
        return decay;
    }

    public double transitionWeight() {
        return transitions;
    }

    /** NDCG on validation targets of the chosen settings; NaN when not tuned. */
    public double validationNdcg() {
        return validationNdcg;
    }

    /** The settings, as recorded in reports and provenance. */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("neighbours", NEIGHBOURS);
        settings.put("alpha", alpha);
        settings.put("recencyDecay", decay);
        settings.put("transitionWeight", transitions);
        settings.put("window", WINDOW);
        settings.put("popularityPrior", POPULARITY_PRIOR);
        settings.put("contentWeight", contentWeight);
        StringBuilder blend = new StringBuilder(ItemKnnTrainer.class.getSimpleName());
        if (blendsContent()) {
            blend.append(" + ").append(ContentTrainer.class.getSimpleName());
        }
        if (blendsPrior()) {
            blend.append(" + ").append(priorSource.equals("pop") ? PopularityTrainer.class.getSimpleName()
                    : TrendingTrainer.class.getSimpleName());
        }
        settings.put("blend", blend.toString());
        settings.put("prior", priorSource == null ? "none" : priorSource);
        settings.put("priorWeight", priorWeight);
        if (!Double.isNaN(validationNdcg)) {
            settings.put("validationNDCG", Math.round(validationNdcg * 1e5) / 1e5);
        }
        return settings;
    }
}
