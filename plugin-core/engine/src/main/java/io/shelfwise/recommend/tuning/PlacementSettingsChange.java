package io.shelfwise.recommend.tuning;

import java.time.Instant;

/** One entry of a placement's settings history: a save (with the JSON saved) or a reset (no JSON). Immutable. */
public final class PlacementSettingsChange {

    private final long id;
    private final String placement;
    private final String json;
    private final Instant changedAt;
    private final String changedBy;

    PlacementSettingsChange(long id, String placement, String json, Instant changedAt, String changedBy) {
        this.id = id;
        this.placement = placement;
        this.json = json;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
    }

    public long id() {
        return id;
    }

    public String placement() {
        return placement;
    }

    /** The settings saved, or {@code null} for a reset to the standard settings. */
    public String json() {
        return json;
    }

    public boolean isReset() {
        return json == null;
    }

    public Instant changedAt() {
        return changedAt;
    }

    public String changedBy() {
        return changedBy;
    }
}
