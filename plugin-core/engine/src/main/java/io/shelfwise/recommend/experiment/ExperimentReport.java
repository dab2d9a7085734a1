package io.shelfwise.recommend.experiment;

import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * An experiment's online figures: the window measured, each arm's metrics (in the experiment's order, control
 * first), each other arm compared with the control, and the verdict. Immutable.
 */
public final class ExperimentReport {

    private final Experiment experiment;
    private final Instant from;
    private final Instant to;
    private final List<ArmMetrics> arms;
    private final List<ArmComparison> comparisons;
    private final Verdict verdict;

    ExperimentReport(Experiment experiment, Instant from, Instant to, List<ArmMetrics> arms,
                     List<ArmComparison> comparisons, Verdict verdict) {
        this.experiment = experiment;
        this.from = from;
        this.to = to;
        this.arms = Collections.unmodifiableList(arms);
        this.comparisons = Collections.unmodifiableList(comparisons);
        this.verdict = verdict;
    }

    public Experiment experiment() {
        return experiment;
    }

    /** Start of the window (the experiment's start), or {@code null} for a draft. */
    public Instant from() {
        return from;
    }

    /** End of the window (its stop, or now while running), or {@code null} for a draft. */
    public Instant to() {
        return to;
    }

    public List<ArmMetrics> arms() {
        return arms;
    }

    /** The arm's metrics, or {@code null}. */
    public ArmMetrics arm(String name) {
        for (ArmMetrics m : arms) {
            if (m.arm().equals(name)) {
                return m;
            }
        }
        return null;
    }

    /** Every arm but the control against the control. */
    public List<ArmComparison> comparisons() {
        return comparisons;
    }

    public Verdict verdict() {
        return verdict;
    }

    @Override
    public String toString() {
        return experiment.name() + " " + verdict + " " + arms + " " + comparisons;
    }
}
