package io.shelfwise.recommend.sequence;

import io.shelfwise.recommend.algo.ItemScorer;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;

import java.util.function.Function;
import java.util.function.IntConsumer;

/**
 * A base scorer (the item-to-item {@code default}) blended with a sequential model: per history, the base scores
 * divided by their largest, plus {@code weight} times the sequence model's scores as {@code exp(s - max s)} (its
 * softmax, scaled so the best item has 1). Both parts then range up to 1, so the weight says how much the order of
 * the history counts against co-occurrence. Immutable and thread-safe when both parts are.
 */
public final class SequenceBlend implements ItemScorer {

    /** The weights {@link #tune} tries; 0 is the base alone. */
    public static final double[] WEIGHTS = {0, 0.25, 0.5, 1, 2, 4};

    private final ItemScorer base;
    private final SequenceModel sequence;
    private final double weight;

    public SequenceBlend(ItemScorer base, SequenceModel sequence, double weight) {
        if (base.numItems() != sequence.numItems()) {
            throw new IllegalArgumentException("The base scores " + base.numItems() + " items, the sequence model "
                    + sequence.numItems());
        }
        if (!(weight >= 0)) {
            throw new IllegalArgumentException("weight must be at least 0, was " + weight);
        }
        this.base = base;
        this.sequence = sequence;
        this.weight = weight;
    }

    public double weight() {
        return weight;
    }

    @Override
    public int numItems() {
        return base.numItems();
    }

    @Override
    public void score(int[] history, float[] scores) {
        int n = scores.length;
        float[] own = new float[n];
        base.score(history, own);
        float max = 0;
        for (float s : own) {
            max = Math.max(max, s);
        }
        float scale = max > 0 ? 1f / max : 1f;
        for (int i = 0; i < n; i++) {
            scores[i] += own[i] * scale;
        }
        if (weight == 0) {
            return;
        }
        float[] next = new float[n];
        sequence.score(history, next);
        float top = Float.NEGATIVE_INFINITY;
        for (float s : next) {
            top = Math.max(top, s);
        }
        if (top == Float.NEGATIVE_INFINITY || history.length == 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            scores[i] += (float) (weight * Math.exp(next[i] - top));
        }
    }

    /**
     * The weight of {@link #WEIGHTS} with the best validation NDCG for this base (trained on the validation
     * phase's training data) and sequence model.
     */
    public static double tune(ItemScorer validationBase, SequenceModel sequence, LeaveOneOut.Phase validation,
                              FullRankingEvaluator evaluator, Function<String, IntConsumer> progress)
            throws InterruptedException {
        double best = 0;
        double bestNdcg = -1;
        for (double weight : WEIGHTS) {
            double ndcg = evaluator.evaluate(new SequenceBlend(validationBase, sequence, weight), validation.histories,
                    validation.targets, progress.apply(String.format(java.util.Locale.ROOT,
                            "default+%s validation weight=%.2f", sequence.name(), weight))).ndcg();
            if (ndcg > bestNdcg) {
                bestNdcg = ndcg;
                best = weight;
            }
        }
        return best;
    }
}
