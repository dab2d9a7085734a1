package io.shelfwise.recommend.experiment;

/**
 * The two-proportion z-test (pooled standard error) that compares an arm's rate with the control's, and the
 * two-sided p-value of its statistic. Not API.
 */
final class TwoProportionComparison {

    private TwoProportionComparison() {
    }

    /** z of {@code b} against {@code a}: positive when b's rate is higher; 0 when either has no trials. */
    static double z(Proportion a, Proportion b) {
        if (a.trials() == 0 || b.trials() == 0) {
            return 0;
        }
        double pooled = (a.successes() + b.successes()) / (double) (a.trials() + b.trials());
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / a.trials() + 1.0 / b.trials()));
        return se == 0 ? 0 : (b.rate() - a.rate()) / se;
    }

    /** P(|Z| >= |z|) for a standard normal Z. */
    static double pTwoSided(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * The complementary error function for x >= 0, by the rational approximation of Abramowitz and Stegun
     * (7.1.26); absolute error below 1.5e-7, ample for p-values compared with 0.05.
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        return poly * Math.exp(-x * x);
    }
}
