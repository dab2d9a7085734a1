package io.shelfwise.recommend.experiment;

/**
 * A rate measured as successes out of trials, with its 95% Wilson score interval (which, unlike the normal
 * approximation, stays inside [0, 1] and is sensible for small counts and rates near 0). With no trials the rate
 * is 0 and the interval [0, 1]. Immutable.
 */
public final class Proportion {

    /** The two-sided 95% point of the standard normal distribution. */
    static final double Z95 = 1.959963984540054;

    private final long successes;
    private final long trials;
    private final double low;
    private final double high;

    Proportion(long successes, long trials) {
        if (successes < 0 || trials < 0 || successes > trials) {
            throw new IllegalArgumentException("successes must be 0.." + trials + ", was " + successes);
        }
        this.successes = successes;
        this.trials = trials;
        if (trials == 0) {
            this.low = 0;
            this.high = 1;
        } else {
            double n = trials;
            double p = successes / n;
            double z2 = Z95 * Z95;
            double denominator = 1 + z2 / n;
            double centre = (p + z2 / (2 * n)) / denominator;
            double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator;
            // at the ends the interval touches 0 or 1 exactly (rounding would leave 1e-17)
            this.low = successes == 0 ? 0 : Math.max(0, centre - half);
            this.high = successes == trials ? 1 : Math.min(1, centre + half);
        }
    }

    public long successes() {
        return successes;
    }

    public long trials() {
        return trials;
    }

    /** successes / trials, 0 without trials. */
    public double rate() {
        return trials == 0 ? 0 : successes / (double) trials;
    }

    /** Lower end of the 95% Wilson interval. */
    public double low() {
        return low;
    }

    /** Upper end of the 95% Wilson interval. */
    public double high() {
        return high;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%.2f%% [%.2f%%, %.2f%%] (%d/%d)", rate() * 100, low * 100,
                high * 100, successes, trials);
    }
}
