package io.shelfwise.eval;

import io.shelfwise.recommend.InteractionData;
import io.shelfwise.recommend.BlendedTrainer;
import io.shelfwise.recommend.ContentTrainer;
import io.shelfwise.recommend.ItemContent;
import io.shelfwise.recommend.ItemKnnTrainer;
import io.shelfwise.recommend.NeighbourBlend;
import io.shelfwise.recommend.NeighbourModel;
import io.shelfwise.recommend.NeighbourTrainer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * Chooses the {@code default} model's settings on validation targets only (each shopper's second-to-last item):
 * a grid over similarity asymmetry and recency decay with order ignored, then the weight of item transitions at
 * the best of those. The same procedure serves {@code ./shelfwise eval} and the store's own training runs, so
 * the model measured offline is the model served.
 */
public final class DefaultModelTuning {

    static final double[] ALPHAS = {0.5, 0.7, 0.85};
    static final double[] DECAYS = {1.0, 0.7, 0.5, 0.35, 0.2};
    static final double[] TRANSITIONS = {0.5, 1, 2, 4, 8, 16};
    static final double[] CONTENT_WEIGHTS = {0.05, 0.1, 0.2, 0.5, 1};
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

    private DefaultModelTuning(double alpha, double decay, double transitions, double validationNdcg) {
        this(alpha, decay, transitions, validationNdcg, null, 0);
    }

    private DefaultModelTuning(double alpha, double decay, double transitions, double validationNdcg,
                               ItemContent content, double contentWeight) {
        this.alpha = alpha;
        this.decay = decay;
        this.transitions = transitions;
        this.validationNdcg = validationNdcg;
        this.content = content;
        this.contentWeight = contentWeight;
    }

    /**
     * Then tries blending content similarity in, at a grid of weights, keeping it only where validation NDCG
     * improves (so it can never be worse on validation than without).
     */
    public DefaultModelTuning withContent(ItemContent itemContent, LeaveOneOut.Phase validation,
                                          FullRankingEvaluator evaluator, Function<String, IntConsumer> progress)
            throws InterruptedException {
        DefaultModelTuning best = this;
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
                best = new DefaultModelTuning(alpha, decay, transitions, ndcg, itemContent, weight);
            }
        }
        return best;
    }

    private static ContentTrainer contentTrainer(ItemContent itemContent) {
        return new ContentTrainer(itemContent, CONTENT_NEIGHBOURS, 0.5, false);
    }

    /** Untuned settings: those Amazon Beauty's validation chose (for data too small to validate on). */
    public static DefaultModelTuning fallback() {
        return new DefaultModelTuning(0.85, 0.35, 4, Double.NaN);
    }

    /**
     * Tunes on {@code data}'s validation targets.
     *
     * @param progress for each setting tried, a name for it and the sink its evaluation reports progress to
     */
    public static DefaultModelTuning tune(InteractionData data, FullRankingEvaluator evaluator,
                                          Function<String, IntConsumer> progress) throws InterruptedException {
        return tune(LeaveOneOut.validation(data), evaluator, progress);
    }

    /** Tunes on a given validation phase (leave-one-out's, or a temporal split's). */
    public static DefaultModelTuning tune(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator,
                                          Function<String, IntConsumer> progress) throws InterruptedException {
        double bestNdcg = -1;
        DefaultModelTuning best = fallback();
        for (double alpha : ALPHAS) {
            for (double decay : DECAYS) {
                double ndcg = validate(validation, evaluator, alpha, decay, 0, progress);
                if (ndcg > bestNdcg) {
                    bestNdcg = ndcg;
                    best = new DefaultModelTuning(alpha, decay, 0, ndcg);
                }
            }
        }
        for (double transitions : TRANSITIONS) {
            double ndcg = validate(validation, evaluator, best.alpha, best.decay, transitions, progress);
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = new DefaultModelTuning(best.alpha, best.decay, transitions, ndcg);
            }
        }
        return best;
    }

    private static double validate(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator, double alpha,
                                   double decay, double transitions, Function<String, IntConsumer> progress)
            throws InterruptedException {
        String name = String.format(java.util.Locale.ROOT, "default validation a=%.2f d=%.2f t=%.1f", alpha, decay,
                transitions);
        return evaluator.evaluate(trainer(alpha, decay, transitions).train(validation.train), validation.histories,
                validation.targets, progress.apply(name)).ndcg();
    }

    private static ItemKnnTrainer trainer(double alpha, double decay, double transitions) {
        return new ItemKnnTrainer("default", NEIGHBOURS, alpha, 0, decay, transitions, WINDOW, POPULARITY_PRIOR);
    }

    /** The default model's trainer with these settings: item-kNN, blended with content when that helped. */
    public NeighbourTrainer trainer() {
        ItemKnnTrainer knn = trainer(alpha, decay, transitions);
        if (contentWeight <= 0) {
            return knn;
        }
        return new BlendedTrainer("default", new NeighbourTrainer[] {knn, contentTrainer(content)},
                new double[] {1, contentWeight}, NEIGHBOURS);
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
        if (!Double.isNaN(validationNdcg)) {
            settings.put("validationNDCG", Math.round(validationNdcg * 1e5) / 1e5);
        }
        return settings;
    }
}
