package io.shelfwise.registry;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a placement's activation history: from this moment on, this model version served the placement.
 * The placement's latest activation is its active version. Immutable.
 */
public final class Activation {

    /** Why a version was activated. */
    public enum Reason {
        /** Someone (or an automatic promotion) chose it. */
        ACTIVATE,
        /** A rollback returned to it. */
        ROLLBACK;

        /** The value in the REASON column: {@code activate} or {@code rollback}. */
        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Reason ofColumn(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    private final long id;
    private final String placement;
    private final Long versionId;
    private final String strategy;
    private final int version;
    private final Instant activatedAt;
    private final String activatedBy;
    private final Reason reason;

    Activation(long id, String placement, Long versionId, String strategy, int version, Instant activatedAt,
               String activatedBy, Reason reason) {
        this.id = id;
        this.placement = Objects.requireNonNull(placement, "placement");
        this.versionId = versionId;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.version = version;
        this.activatedAt = Objects.requireNonNull(activatedAt, "activatedAt");
        this.activatedBy = Objects.requireNonNull(activatedBy, "activatedBy");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Grows with every activation; orders the history. */
    public long id() {
        return id;
    }

    public String placement() {
        return placement;
    }

    /** The activated version's id, or {@code null} if that version has since been deleted. */
    public Long versionId() {
        return versionId;
    }

    /** Whether the activated version has since been deleted (its strategy and number are still known). */
    public boolean versionDeleted() {
        return versionId == null;
    }

    /** The activated version's strategy (kept after a deletion). */
    public String strategy() {
        return strategy;
    }

    /** The activated version's number (kept after a deletion). */
    public int version() {
        return version;
    }

    /** {@code strategy@version} of the activated version. */
    public String label() {
        return strategy + "@" + version;
    }

    public Instant activatedAt() {
        return activatedAt;
    }

    /** Who activated it (a user name, or e.g. {@code scheduler}). */
    public String activatedBy() {
        return activatedBy;
    }

    public Reason reason() {
        return reason;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Activation)) {
            return false;
        }
        Activation that = (Activation) o;
        return id == that.id && version == that.version && placement.equals(that.placement)
                && Objects.equals(versionId, that.versionId) && strategy.equals(that.strategy)
                && activatedAt.equals(that.activatedAt) && activatedBy.equals(that.activatedBy) && reason == that.reason;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, placement, versionId, strategy, version, activatedAt, activatedBy, reason);
    }

    @Override
    public String toString() {
        return placement + " <- " + label() + (versionDeleted() ? " (deleted)" : "") + " by " + activatedBy + " at "
                + activatedAt + " (" + reason.column() + ")";
    }
}
