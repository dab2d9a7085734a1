package io.shelfwise.recommend.tuning;

import io.shelfwise.internal.RepeatingTask;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.PlacementControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the placements a node serves in step with the saved settings, as {@code ActiveModelSync} does for models:
 * every {@code interval} the saved overrides are read and each placement is configured with its override, or with
 * its standard settings when it has none (after a reset). Only a change reconfigures a placement (which makes its
 * cached lists stale). Saved settings for a placement this node does not serve are ignored. Thread-safe.
 */
public final class PlacementSettingsSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementSettingsSync.class);

    private final PlacementSettingsStore store;
    private final PlacementControl recommender;
    private final Map<String, Placement> standard = new LinkedHashMap<>();
    /** Placement name to the settings (as JSON) it was last configured with. */
    private final Map<String, String> applied = new HashMap<>();
    private final RepeatingTask scheduler;

    /**
     * @param standard the placements as the node was configured at start-up: what a placement without an override
     *                 serves, and the only placements that may be overridden
     */
    public PlacementSettingsSync(PlacementSettingsStore store, PlacementControl recommender, List<Placement> standard) {
        this.store = Objects.requireNonNull(store, "store");
        this.recommender = Objects.requireNonNull(recommender, "recommender");
        for (Placement p : standard) {
            this.standard.put(p.name(), p);
            Placement served = recommender.placements().get(p.name());
            if (served != null) {
                applied.put(p.name(), PlacementJson.write(served));
            }
        }
        this.scheduler = new RepeatingTask("shelfwise-placement-sync");
    }

    /** Syncs now, then every {@code interval}. */
    public void start(Duration interval) {
        syncNow();
        scheduler.every(interval, this::syncNow, LOG,
                "Shelfwise: cannot read the placement settings, serving what is configured");
    }

    /**
     * Applies what is saved and not yet served.
     *
     * @return the placements reconfigured, with the revision applied ({@code standard} after a reset)
     */
    public synchronized Map<String, String> syncNow() {
        Map<String, StoredPlacementSettings> saved = store.all();
        Map<String, String> changed = new LinkedHashMap<>();
        for (Map.Entry<String, StoredPlacementSettings> e : saved.entrySet()) {
            if (!standard.containsKey(e.getKey())) {
                LOG.warn("Shelfwise: settings are saved for placement " + e.getKey() + ", which this node does not "
                        + "serve; ignored");
            }
        }
        for (Placement base : standard.values()) {
            StoredPlacementSettings override = saved.get(base.name());
            Placement target = override == null ? base : override.placement();
            String json = override == null ? PlacementJson.write(base) : override.json();
            if (json.equals(applied.get(base.name()))) {
                continue;
            }
            recommender.configure(target);
            applied.put(base.name(), json);
            changed.put(base.name(), override == null ? "standard" : "r" + override.revision());
            LOG.info("Shelfwise: placement " + base.name() + " now serves "
                    + (override == null ? "its standard settings" : "settings r" + override.revision() + " saved by "
                    + override.updatedBy()));
        }
        return changed;
    }

    /** The standard settings of every placement that may be tuned, by name, in configuration order. */
    public Map<String, Placement> standard() {
        return Collections.unmodifiableMap(standard);
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
