package io.shelfwise.recommend.experiment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An A/B test on one storefront placement, as {@link ExperimentStore} records it: its arms (the first is the
 * control the others are compared with), its status and who moved it there when, and the arm promoted at the end.
 * Immutable; a snapshot of the rows when they were read. Nullable accessors say so.
 */
public final class Experiment {

    /** The life cycle: {@code DRAFT -> RUNNING -> STOPPED}, never back. */
    public enum Status {
        /** Created; shoppers are not split yet. */
        DRAFT,
        /** Shoppers of the placement are split between the arms. */
        RUNNING,
        /** Over; the placement serves as configured (or as the promoted arm did). */
        STOPPED
    }

    private final long id;
    private final String name;
    private final String placement;
    private final Status status;
    private final List<Arm> arms;
    private final Instant createdAt;
    private final String createdBy;
    private final Instant startedAt;
    private final String startedBy;
    private final Instant stoppedAt;
    private final String stoppedBy;
    private final String winnerArm;
    private final Instant promotedAt;
    private final String promotedBy;

    Experiment(long id, String name, String placement, Status status, List<Arm> arms, Instant createdAt,
               String createdBy, Instant startedAt, String startedBy, Instant stoppedAt, String stoppedBy,
               String winnerArm, Instant promotedAt, String promotedBy) {
        this.id = id;
        this.name = Objects.requireNonNull(name, "name");
        this.placement = Objects.requireNonNull(placement, "placement");
        this.status = Objects.requireNonNull(status, "status");
        this.arms = Collections.unmodifiableList(new ArrayList<>(arms));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.startedAt = startedAt;
        this.startedBy = startedBy;
        this.stoppedAt = stoppedAt;
        this.stoppedBy = stoppedBy;
        this.winnerArm = winnerArm;
        this.promotedAt = promotedAt;
        this.promotedBy = promotedBy;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The storefront placement split, e.g. {@code home-for-you}. */
    public String placement() {
        return placement;
    }

    public Status status() {
        return status;
    }

    public boolean isRunning() {
        return status == Status.RUNNING;
    }

    /** The arms in order; the first is the control. */
    public List<Arm> arms() {
        return arms;
    }

    public Arm control() {
        return arms.get(0);
    }

    /** The arm of that name, or {@code null}. */
    public Arm arm(String armName) {
        for (Arm arm : arms) {
            if (arm.name().equals(armName)) {
                return arm;
            }
        }
        return null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }

    /** {@code null} while a draft. */
    public Instant startedAt() {
        return startedAt;
    }

    public String startedBy() {
        return startedBy;
    }

    /** {@code null} unless stopped. */
    public Instant stoppedAt() {
        return stoppedAt;
    }

    public String stoppedBy() {
        return stoppedBy;
    }

    /** The promoted arm's name, or {@code null}. */
    public String winnerArm() {
        return winnerArm;
    }

    /** When the winner was promoted, or {@code null}. */
    public Instant promotedAt() {
        return promotedAt;
    }

    public String promotedBy() {
        return promotedBy;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Experiment)) {
            return false;
        }
        Experiment e = (Experiment) o;
        return id == e.id && name.equals(e.name) && placement.equals(e.placement) && status == e.status
                && arms.equals(e.arms) && createdAt.equals(e.createdAt) && createdBy.equals(e.createdBy)
                && Objects.equals(startedAt, e.startedAt) && Objects.equals(startedBy, e.startedBy)
                && Objects.equals(stoppedAt, e.stoppedAt) && Objects.equals(stoppedBy, e.stoppedBy)
                && Objects.equals(winnerArm, e.winnerArm) && Objects.equals(promotedAt, e.promotedAt)
                && Objects.equals(promotedBy, e.promotedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, startedAt, stoppedAt, winnerArm);
    }

    @Override
    public String toString() {
        return "experiment #" + id + " '" + name + "' on " + placement + " " + status + " " + arms;
    }
}
