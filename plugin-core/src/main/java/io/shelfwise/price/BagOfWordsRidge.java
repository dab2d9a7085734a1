package io.shelfwise.price;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The yardstick for the price model: ridge regression of log(1 + price) on binary words of the text (the same
 * tokens as {@link PriceText#words}), with an unpenalised intercept and lambda 1, solved exactly by conjugate
 * gradients. Evaluation only; not served.
 */
final class BagOfWordsRidge {

    private final Map<String, Integer> vocabulary = new HashMap<>();
    private final double[] weights;
    private final double intercept;

    BagOfWordsRidge(List<String> texts, double[] logPrices, double lambda) {
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

    /** log(1 + price) predicted for the text. */
    double predict(String text) {
        double s = intercept;
        for (int j : ids(new LinkedHashSet<>(PriceText.words(text)))) {
            s += weights[j];
        }
        return s;
    }
}
