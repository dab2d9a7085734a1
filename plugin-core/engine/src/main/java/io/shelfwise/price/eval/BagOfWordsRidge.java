package io.shelfwise.price.eval;

import io.shelfwise.text.PriceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The yardstick for the price model: ridge regression of log(1 + price) on binary words of the text (the same
 * tokens as {@link PriceText#words}), with an unpenalised intercept, solved exactly by conjugate gradients; its
 * lambda is chosen by {@link #tuned} on validation folds of the training products. Evaluation only; not served.
 */
final class BagOfWordsRidge {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final double[] weights;
    private final double intercept;
    private final double lambda;
    private double validationRmsle = Double.NaN;

    BagOfWordsRidge(List<String> texts, double[] logPrices, double lambda) {
        this.lambda = lambda;
        List<int[]> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            LinkedHashSet<String> words = new LinkedHashSet<>(PriceText.words(text));
            for (String w : words) {
                vocabulary.putIfAbsent(w, vocabulary.size());
            }
            rows.add(ids(words));
        }
        double mean = 0;
        for (double y : logPrices) {
            mean += y;
        }
        mean /= logPrices.length;
        intercept = mean;
        int d = vocabulary.size();
        // Solve (X'X + lambda I) w = X'(y - mean) with conjugate gradients.
        double[] b = new double[d];
        for (int i = 0; i < rows.size(); i++) {
            for (int j : rows.get(i)) {
                b[j] += logPrices[i] - mean;
            }
        }
        double[] w = new double[d];
        double[] r = b.clone();
        double[] p = r.clone();
        double rr = dot(r, r);
        for (int iter = 0; iter < 1000 && rr > 1e-20; iter++) {
            double[] ap = multiply(rows, p, lambda);
            double alpha = rr / dot(p, ap);
            for (int j = 0; j < d; j++) {
                w[j] += alpha * p[j];
                r[j] -= alpha * ap[j];
            }
            double next = dot(r, r);
            for (int j = 0; j < d; j++) {
                p[j] = r[j] + next / rr * p[j];
            }
            rr = next;
        }
        weights = w;
    }

    private int[] ids(Iterable<String> words) {
        List<Integer> ids = new ArrayList<>();
        for (String w : words) {
            Integer id = vocabulary.get(w);
            if (id != null) {
                ids.add(id);
            }
        }
        int[] out = new int[ids.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ids.get(i);
        }
        return out;
    }

    private static double[] multiply(List<int[]> rows, double[] v, double lambda) {
        double[] out = new double[v.length];
        for (int[] row : rows) {
            double s = 0;
            for (int j : row) {
                s += v[j];
            }
            for (int j : row) {
                out[j] += s;
            }
        }
        for (int j = 0; j < v.length; j++) {
            out[j] += lambda * v[j];
        }
        return out;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** The lambdas {@link #tuned} chooses from. */
    static final double[] LAMBDAS = {0.1, 0.3, 1, 3, 10, 30};

    /**
     * The ridge with the lambda of {@link #LAMBDAS} that predicts best on validation folds carved from the training
     * products (RMSLE, {@code folds} folds by a hash of the product's position and {@code seed}), refitted on all of
     * them: tuned the way the price model is, on training data only.
     */
    static BagOfWordsRidge tuned(List<String> texts, double[] logPrices, int folds, long seed) {
        int n = texts.size();
        int[] foldOf = new int[n];
        java.util.Random random = new java.util.Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int i = 0; i < n; i++) {
            foldOf[order.get(i)] = i % folds;
        }
        double best = LAMBDAS[0];
        double bestError = Double.POSITIVE_INFINITY;
        for (double lambda : LAMBDAS) {
            double error = 0;
            for (int fold = 0; fold < folds; fold++) {
                List<String> fitTexts = new ArrayList<>();
                List<Double> fitLogs = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    if (foldOf[i] != fold) {
                        fitTexts.add(texts.get(i));
                        fitLogs.add(logPrices[i]);
                    }
                }
                double[] y = new double[fitLogs.size()];
                for (int i = 0; i < y.length; i++) {
                    y[i] = fitLogs.get(i);
                }
                BagOfWordsRidge r = new BagOfWordsRidge(fitTexts, y, lambda);
                for (int i = 0; i < n; i++) {
                    if (foldOf[i] == fold) {
                        double d = Math.log1p(Math.max(0.01, Math.expm1(r.predict(texts.get(i))))) - logPrices[i];
                        error += d * d;
                    }
                }
            }
            if (error < bestError) {
                bestError = error;
                best = lambda;
            }
        }
        BagOfWordsRidge chosen = new BagOfWordsRidge(texts, logPrices, best);
        chosen.validationRmsle = Math.sqrt(bestError / n);
        return chosen;
    }

    /** The penalty this ridge was fitted with. */
    double lambda() {
        return lambda;
    }

    /** RMSLE on the validation folds when {@link #tuned}, else NaN. */
    double validationRmsle() {
        return validationRmsle;
    }

    /** log(1 + price) predicted for the text. */
    double predict(String text) {
        double s = intercept;
        for (int j : ids(new LinkedHashSet<>(PriceText.words(text)))) {
            s += weights[j];
        }
        return s;
    }
}
