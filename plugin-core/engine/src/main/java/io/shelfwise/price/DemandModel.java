package io.shelfwise.price;


import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Log-log demand per product: units sold at each distinct price are summed, and log(units) is regressed on
 * log(price) over the price points. A product's own slope is shrunk towards the store-wide slope (the pooled
 * within-product regression) by empirical Bayes: the fewer and closer its price points, the more it borrows.
 * Elasticities are capped to [-6, 0] (demand is assumed not to rise with price; in wholesale data bigger orders get
 * lower prices, which exaggerates elasticity - the estimate is a guide, not a forecast). Products sold at fewer than
 * three distinct prices get no estimate, said so plainly. Immutable and thread-safe once built.
 */
final class DemandModel {

    static final int MIN_PRICE_POINTS = 3;
    private static final double MIN_ELASTICITY = -6;

    private static final class Fit {
        final int points;
        final double slope;
        final double sxx;
        final double residualVariance;
        final double meanLogPrice;
        final double meanLogUnits;
        final double totalUnits;

        Fit(int points, double slope, double sxx, double residualVariance, double meanLogPrice, double meanLogUnits,
            double totalUnits) {
            this.points = points;
            this.slope = slope;
            this.sxx = sxx;
            this.residualVariance = residualVariance;
            this.meanLogPrice = meanLogPrice;
            this.meanLogUnits = meanLogUnits;
            this.totalUnits = totalUnits;
        }
    }

    private final Map<String, Fit> fits = new HashMap<>();
    private final Map<String, Integer> pricePoints = new HashMap<>();
    private final double pooledSlope;
    private final double priorVariance;

    DemandModel(List<SaleLine> sales) {
        Map<String, TreeMap<Long, Double>> units = new HashMap<>();
        for (SaleLine line : sales) {
            units.computeIfAbsent(line.productId(), k -> new TreeMap<>())
                    .merge(Math.round(line.unitPrice() * 100), (double) line.quantity(), Double::sum);
        }
        double pooledSxy = 0;
        double pooledSxx = 0;
        List<Fit> own = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Long, Double>> e : units.entrySet()) {
            pricePoints.put(e.getKey(), e.getValue().size());
            if (e.getValue().size() < MIN_PRICE_POINTS) {
                continue;
            }
            int n = e.getValue().size();
            double[] x = new double[n];
            double[] y = new double[n];
            double total = 0;
            int i = 0;
            for (Map.Entry<Long, Double> point : e.getValue().entrySet()) {
                x[i] = Math.log(point.getKey() / 100.0);
                y[i] = Math.log(point.getValue());
                total += point.getValue();
                i++;
            }
            double mx = mean(x);
            double my = mean(y);
            double sxx = 0;
            double sxy = 0;
            for (i = 0; i < n; i++) {
                sxx += (x[i] - mx) * (x[i] - mx);
                sxy += (x[i] - mx) * (y[i] - my);
            }
            if (sxx < 1e-9) {
                continue;
            }
            double slope = sxy / sxx;
            double rss = 0;
            for (i = 0; i < n; i++) {
                double r = y[i] - my - slope * (x[i] - mx);
                rss += r * r;
            }
            Fit fit = new Fit(n, slope, sxx, Math.max(rss / (n - 2), 0.05), mx, my, total);
            fits.put(e.getKey(), fit);
            own.add(fit);
            pooledSxy += sxy;
            pooledSxx += sxx;
        }
        pooledSlope = pooledSxx > 0 ? clamp(pooledSxy / pooledSxx) : -1.0;
        // Spread of true slopes around the pooled one: observed spread minus sampling noise, floored.
        double spread = 0;
        double noise = 0;
        for (Fit f : own) {
            spread += (f.slope - pooledSlope) * (f.slope - pooledSlope);
            noise += f.residualVariance / f.sxx;
        }
        priorVariance = own.isEmpty() ? 1.0 : Math.max((spread - noise) / own.size(), 0.25);
    }

    /** The store-wide elasticity products borrow from. */
    double pooledElasticity() {
        return pooledSlope;
    }

    DemandEstimate estimate(String productId, Double currentPrice, double suggestedPrice) {
        int points = pricePoints.getOrDefault(productId, 0);
        Fit fit = fits.get(productId);
        if (fit == null) {
            return DemandEstimate.notEstimated(DemandEstimate.Status.TOO_LITTLE_PRICE_VARIATION, points);
        }
        if (currentPrice == null) {
            return DemandEstimate.notEstimated(DemandEstimate.Status.NO_CURRENT_PRICE, points);
        }
        double sampling = fit.residualVariance / fit.sxx;
        double weight = priorVariance / (priorVariance + sampling);
        double elasticity = clamp(weight * fit.slope + (1 - weight) * pooledSlope);
        // Units per price point at price p: exp(meanLogUnits + e (log p - meanLogPrice)), scaled so that the
        // curve, summed over the observed points, gives the units actually sold.
        double atCurrent = unitsAt(fit, elasticity, currentPrice);
        double atSuggested = unitsAt(fit, elasticity, suggestedPrice);
        String message = String.format(Locale.ROOT, "about %.0f units at %.2f against %.0f at %.2f over the history's "
                        + "period (elasticity %.2f from %d price points, %.0f%% the product's own)", atSuggested,
                suggestedPrice, atCurrent, currentPrice, elasticity, fit.points, weight * 100);
        return new DemandEstimate(DemandEstimate.Status.ESTIMATED, message, fit.points, elasticity, weight,
                atCurrent, atSuggested);
    }

    private static double unitsAt(Fit fit, double elasticity, double price) {
        double perPoint = Math.exp(fit.meanLogUnits + elasticity * (Math.log(price) - fit.meanLogPrice));
        double observedPerPoint = fit.totalUnits / fit.points;
        double geometricPerPoint = Math.exp(fit.meanLogUnits);
        return perPoint * observedPerPoint / geometricPerPoint * fit.points;
    }

    private static double clamp(double elasticity) {
        return Math.max(MIN_ELASTICITY, Math.min(0, elasticity));
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }
}
