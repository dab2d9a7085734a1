package io.shelfwise.price.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How hard a product is to price, for intervals that are narrow where the model has close evidence (a known variant,
 * a near-identical name) and wide where it has none: log of the absolute calibration residual regressed on a few
 * dense features by least squares. The conformal quantile is then taken over residuals divided by this scale
 * (normalised split-conformal), so coverage stays calibrated while widths adapt. Immutable.
 */
final class IntervalScale {

    static final List<String> FEATURES = Collections.unmodifiableList(Arrays.asList("f:similarity",
            "f:similar_spread", "f:variant_known", "f:code_not_numeric", "f:code_gap"));
    /** Residuals below this are treated as this when fitting the log scale (the log of 0 is not useful). */
    private static final double FLOOR = 0.02;

    private final double[] coefficients;

    IntervalScale(double[] coefficients) {
        if (coefficients.length != FEATURES.size() + 1) {
            throw new IllegalArgumentException("An interval scale has " + (FEATURES.size() + 1) + " coefficients, got "
                    + coefficients.length);
        }
        this.coefficients = coefficients.clone();
    }

    /** A scale of 1 everywhere: plain split-conformal. */
    static IntervalScale constant() {
        return new IntervalScale(new double[FEATURES.size() + 1]);
    }

    static IntervalScale fit(List<PriceFeatures.Vector> vectors, double[] residuals) {
        int d = FEATURES.size() + 1;
        double[][] xtx = new double[d][d];
        double[] xty = new double[d];
        for (int i = 0; i < vectors.size(); i++) {
            double[] x = row(vectors.get(i));
            double y = Math.log(Math.max(FLOOR, residuals[i]));
            for (int a = 0; a < d; a++) {
                xty[a] += x[a] * y;
                for (int b = 0; b < d; b++) {
                    xtx[a][b] += x[a] * x[b];
                }
            }
        }
        for (int a = 1; a < d; a++) {
            xtx[a][a] += 1.0; // a little ridge: some features may be constant in small stores
        }
        return new IntervalScale(solve(xtx, xty));
    }

    /** The scale for one product, above 0. */
    double scale(PriceFeatures.Vector v) {
        double[] x = row(v);
        double s = 0;
        for (int a = 0; a < x.length; a++) {
            s += coefficients[a] * x[a];
        }
        // Relative to the intercept, and bounded: no product's interval shrinks or grows beyond e^2 of the typical.
        return Math.exp(Math.max(-2, Math.min(2, s - coefficients[0])));
    }

    double[] coefficients() {
        return coefficients.clone();
    }

    Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", FEATURES);
        m.put("coefficients", coefficients);
        return m;
    }

    private static double[] row(PriceFeatures.Vector v) {
        double[] x = new double[FEATURES.size() + 1];
        x[0] = 1;
        for (int i = 0; i < v.names.length && i < PriceFeatures.DENSE.size(); i++) {
            int j = FEATURES.indexOf(v.names[i]);
            if (j >= 0) {
                x[j + 1] = v.values[i];
            }
        }
        return x;
    }

    /** Gaussian elimination with partial pivoting; the system is small and made positive definite above. */
    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            m[i] = Arrays.copyOf(a[i], n + 1);
            m[i][n] = b[i];
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            if (Math.abs(m[col][col]) < 1e-12) {
                return new double[n];
            }
            for (int r = 0; r < n; r++) {
                if (r != col) {
                    double f = m[r][col] / m[col][col];
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = m[i][n] / m[i][i];
        }
        return x;
    }

    @Override
    public String toString() {
        return "IntervalScale" + Arrays.toString(coefficients) + " over " + new ArrayList<>(FEATURES);
    }
}
