package io.shelfwise.recommend.tuning;

import io.shelfwise.recommend.Placement;

import java.time.Instant;
import java.util.Objects;

/** A placement's saved override as the store holds it: the settings, their revision, who saved them and when. */
public final class StoredPlacementSettings {

    private final Placement placement;
    private final String json;
    private final long revision;
    private final Instant updatedAt;
    private final String updatedBy;

    StoredPlacementSettings(Placement placement, String json, long revision, Instant updatedAt, String updatedBy) {
        this.placement = Objects.requireNonNull(placement, "placement");
        this.json = Objects.requireNonNull(json, "json");
        this.revision = revision;
        this.updatedAt = Objects.requireNonNull(updatedAt, "updatedAt");
        this.updatedBy = Objects.requireNonNull(updatedBy, "updatedBy");
    }

    public Placement placement() {
        return placement;
    }

    /** The settings as stored ({@link PlacementJson}). */
    public String json() {
        return json;
    }

    /** 1 for a placement's first save, one more for each save after it (a reset starts over). */
    public long revision() {
        return revision;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public String updatedBy() {
        return updatedBy;
    }

    @Override
    public String toString() {
        return placement.name() + " r" + revision + " by " + updatedBy + " at " + updatedAt;
    }
}
