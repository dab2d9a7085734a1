package io.shelfwise.recommend.training;

import io.shelfwise.internal.RepeatingTask;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps what a process serves in step with the registry's activations, so the node that trains and activates
 * (the admin) and the nodes that serve (storefronts) need no other channel: every {@code interval} the active
 * version of each slot is compared with the loaded one, a changed one is loaded and validated before it
 * replaces the old, and a slot no longer active is dropped. A version that cannot be loaded is reported once and
 * not retried until the activation changes; its slot keeps what it had (or falls back). Thread-safe.
 */
public final class ActiveModelSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ActiveModelSync.class);

    private final ModelRegistry registry;
    private final ServingModels serving;
    private final Map<String, String> refused = new HashMap<>();
    private final RepeatingTask scheduler;

    public ActiveModelSync(ModelRegistry registry, ServingModels serving) {
        this.registry = registry;
        this.serving = serving;
        this.scheduler = new RepeatingTask("shelfwise-model-sync");
    }

    /** Syncs now, then every {@code interval}. */
    public void start(Duration interval) {
        syncNow();
        scheduler.every(interval, this::syncNow, LOG,
                "Shelfwise: cannot read the model registry, serving what is loaded");
    }

    /**
     * Loads what the registry says is active and is not yet served.
     *
     * @return slots whose active version cannot be served, with the reason
     */
    public synchronized Map<String, String> syncNow() {
        Map<String, ModelVersion> active = registry.activePlacements();
        Map<String, String> loaded = serving.activeVersions();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Map.Entry<String, ModelVersion> e : active.entrySet()) {
            String slot = e.getKey();
            ModelVersion version = e.getValue();
            if (version.label().equals(loaded.get(slot))) {
                continue;
            }
            if (version.label().equals(refused.get(slot))) {
                problems.put(slot, "refused earlier: " + version.label());
                continue;
            }
            try {
                serving.activate(slot, version.label(), load(registry, version));
                refused.remove(slot);
                LOG.info("Shelfwise: now serving " + version.label() + " on " + slot);
            } catch (IOException | ModelLoadException | RuntimeException ex) {
                refused.put(slot, version.label());
                problems.put(slot, ex.getMessage());
                LOG.error("Shelfwise: cannot serve " + version.label() + " on " + slot + " (keeping "
                        + (loaded.containsKey(slot) ? loaded.get(slot) : "the fallback chain") + "): "
                        + ex.getMessage());
            }
        }
        Set<String> gone = new HashSet<>(loaded.keySet());
        gone.removeAll(active.keySet());
        for (String slot : gone) {
            serving.deactivate(slot);
        }
        return problems;
    }

    /** Reads and validates a version's artifact (also used for A/B arms' versions). */
    public static RankingModel load(ModelRegistry registry, ModelVersion version)
            throws IOException, ModelLoadException {
        try (InputStream in = registry.openArtifact(version)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytes.write(buffer, 0, n);
            }
            return RankingModels.load(bytes.toByteArray());
        }
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
