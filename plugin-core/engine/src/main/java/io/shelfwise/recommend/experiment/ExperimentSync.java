package io.shelfwise.recommend.experiment;

import io.shelfwise.events.ShopperKey;
import io.shelfwise.internal.RepeatingTask;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.serve.ArmRouting;
import io.shelfwise.recommend.serve.ArmSelector;
import io.shelfwise.recommend.serve.ServedArm;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.training.ActiveModelSync;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps a node's A/B serving in step with the {@link ExperimentStore}, as {@code ActiveModelSync} does for
 * activations: every {@code interval} it reads the running experiments, loads the arms' model versions into
 * ServingModels of its own (slot {@code experiment-<id>.<arm>.<strategy>}) and drops those of experiments that ended
 * (a promoted arm's settings are saved as its placement's by {@link ExperimentPromotion}, and applied by the
 * placement settings' own sync). As the recommender's {@link ArmSelector} it then puts
 * each shopper in their arm by {@link ArmAssignment}, with no I/O on the request path. An arm version that cannot be
 * loaded is reported once and not retried until it changes; its arm's step falls back down the chain. Thread-safe.
 */
public final class ExperimentSync implements ArmSelector, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentSync.class);

    private final ExperimentStore store;
    private final ModelRegistry registry;
    private final ArmRouting recommender;
    private final ServingModels armModels = new ServingModels();
    private final Map<String, Long> refused = new HashMap<>();
    private final RepeatingTask scheduler;
    private volatile Map<String, Running> running = Collections.emptyMap();

    public ExperimentSync(ExperimentStore store, ModelRegistry registry, ArmRouting recommender) {
        this.store = store;
        this.registry = registry;
        this.recommender = recommender;
        this.scheduler = new RepeatingTask("shelfwise-experiment-sync");
    }

    /** Syncs now, serves arms through the recommender, then syncs every {@code interval}. */
    public void start(Duration interval) {
        recommender.selectArms(this);
        try {
            syncNow();
        } finally {
            scheduler.every(interval, this::syncNow, LOG,
                    "Shelfwise: cannot read the experiments, serving the arms known");
        }
    }

    /**
     * Reads the store and updates what this node serves.
     *
     * @return arm slots whose version cannot be served, with the reason
     */
    public synchronized Map<String, String> syncNow() {
        Map<String, Experiment> experiments = store.running();
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> loaded = armModels.activeVersions();
        Set<String> wanted = new HashSet<>();
        Map<String, Running> next = new HashMap<>();
        for (Experiment experiment : experiments.values()) {
            Map<String, Map<String, String>> slotsByArm = new HashMap<>();
            for (Arm arm : experiment.arms()) {
                Map<String, String> slots = new HashMap<>();
                if (arm.versionId() != null) {
                    String slot = slot(experiment, arm);
                    slots.put(arm.strategy(), slot);
                    wanted.add(slot);
                    load(slot, arm, loaded, problems);
                }
                slotsByArm.put(arm.name(), slots);
            }
            next.put(experiment.placement(), new Running(experiment, slotsByArm));
        }
        running = Collections.unmodifiableMap(next);
        for (String slot : loaded.keySet()) {
            if (!wanted.contains(slot)) {
                armModels.deactivate(slot);
            }
        }
        refused.keySet().retainAll(wanted);
        return problems;
    }

    private void load(String slot, Arm arm, Map<String, String> loaded, Map<String, String> problems) {
        if (arm.versionLabel().equals(loaded.get(slot))) {
            return;
        }
        if (arm.versionId().equals(refused.get(slot))) {
            problems.put(slot, "refused earlier: " + arm.versionLabel());
            return;
        }
        try {
            Optional<ModelVersion> version = registry.version(arm.versionId());
            if (!version.isPresent()) {
                throw new IllegalStateException("version " + arm.versionLabel() + " was deleted");
            }
            armModels.activate(slot, version.get().label(), ActiveModelSync.load(registry, version.get()));
            refused.remove(slot);
            LOG.info("Shelfwise: A/B arm serves " + version.get().label() + " on " + slot);
        } catch (IOException | ModelLoadException | RuntimeException e) {
            refused.put(slot, arm.versionId());
            problems.put(slot, e.getMessage());
            LOG.error("Shelfwise: cannot serve " + arm.versionLabel() + " for A/B slot " + slot + "; that arm falls "
                    + "back down the chain: " + e.getMessage());
        }
    }

    @Override
    public ServedArm select(Placement placement, ShopperKey shopper) {
        if (shopper == null) {
            return null;
        }
        Running experiment = running.get(placement.name());
        return experiment == null ? null : experiment.served(placement, shopper, armModels);
    }

    /** The experiments this node serves, by placement. */
    public Map<String, Experiment> serving() {
        Map<String, Experiment> out = new HashMap<>();
        for (Map.Entry<String, Running> e : running.entrySet()) {
            out.put(e.getKey(), e.getValue().experiment);
        }
        return out;
    }

    /** Arm slot to loaded version label. */
    public Map<String, String> armVersions() {
        return armModels.activeVersions();
    }

    /** The slot an arm's version is served from. */
    static String slot(Experiment experiment, Arm arm) {
        return "experiment-" + experiment.id() + "." + arm.name() + "." + arm.strategy();
    }

    @Override
    public void close() {
        scheduler.close();
        recommender.selectArms(null);
        armModels.close();
    }

    /** One running experiment's arms, with each arm's placement variant made once per configured placement. */
    private static final class Running {
        final Experiment experiment;
        final Map<String, Map<String, String>> slots;
        private volatile Variants variants;

        Running(Experiment experiment, Map<String, Map<String, String>> slots) {
            this.experiment = experiment;
            this.slots = slots;
        }

        ServedArm served(Placement placement, ShopperKey shopper, ServingModels models) {
            Variants current = variants;
            if (current == null || current.base != placement) {
                current = new Variants(placement, experiment, slots, models);
                variants = current;
            }
            return current.arms.get(ArmAssignment.arm(experiment, shopper).name());
        }
    }

    private static final class Variants {
        final Placement base;
        final Map<String, ServedArm> arms = new HashMap<>();

        Variants(Placement base, Experiment experiment, Map<String, Map<String, String>> slots, ServingModels models) {
            this.base = base;
            for (Arm arm : experiment.arms()) {
                Placement served;
                try {
                    served = arm.applyTo(base);
                } catch (IllegalArgumentException e) {
                    LOG.error("Shelfwise: arm " + arm.name() + " of experiment #" + experiment.id()
                            + " does not fit " + base.name() + " as configured now, serving it as configured: "
                            + e.getMessage());
                    served = base;
                }
                arms.put(arm.name(), new ServedArm(arm.name(), "experiment-" + experiment.id() + "." + arm.name(),
                        served, models, slots.get(arm.name())));
            }
        }
    }
}
