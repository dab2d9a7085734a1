package io.shelfwise.recommend.experiment;

/**
 * One arm against the control: the two-proportion z statistic and two-sided p-value for CTR and for conversion,
 * and whether each difference is significant at the report's level (95%, divided between the comparisons when
 * there are more than two arms). Immutable.
 */
public final class ArmComparison {

    private final String arm;
    private final String control;
    private final double ctrZ;
    private final double ctrP;
    private final double conversionZ;
    private final double conversionP;
    private final double alpha;

    ArmComparison(String arm, String control, double ctrZ, double ctrP, double conversionZ, double conversionP,
                  double alpha) {
        this.arm = arm;
        this.control = control;
        this.ctrZ = ctrZ;
        this.ctrP = ctrP;
        this.conversionZ = conversionZ;
        this.conversionP = conversionP;
        this.alpha = alpha;
    }

    public String arm() {
        return arm;
    }

    public String control() {
        return control;
    }

    /** Positive when the arm's CTR is above the control's. */
    public double ctrZ() {
        return ctrZ;
    }

    public double ctrP() {
        return ctrP;
    }

    public boolean ctrSignificant() {
        return ctrP < alpha;
    }

    /** Positive when the arm converts better than the control. */
    public double conversionZ() {
        return conversionZ;
    }

    public double conversionP() {
        return conversionP;
    }

    public boolean conversionSignificant() {
        return conversionP < alpha;
    }

    /** The p-value a difference must be below to count (0.05, or 0.05 / comparisons). */
    public double alpha() {
        return alpha;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "%s vs %s: CTR z=%.2f p=%.4f, conversion z=%.2f p=%.4f", arm,
                control, ctrZ, ctrP, conversionZ, conversionP);
    }
}
