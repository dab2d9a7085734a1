package io.shelfwise.recommend.experiment;

import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.tuning.PlacementTuning;
import io.shelfwise.recommend.tuning.StoredPlacementSettings;

import java.util.Objects;

/**
 * Promotes an experiment's winning arm. An arm that serves another model version has it activated by
 * {@link ExperimentStore#promote}; an arm with settings of its own (chain, rules) has them saved as the placement's
 * settings through {@link PlacementTuning}, as if an admin had saved them on the tuning page: every node applies
 * them, the tuning page shows them with who promoted them, and a reset there returns the placement to its standard
 * settings (the undo of a promotion). So promoted settings and tuned settings are one thing and never overwrite
 * each other behind the admin's back.
 */
public final class ExperimentPromotion {

    private final ExperimentStore store;
    private final PlacementTuning tuning;

    public ExperimentPromotion(ExperimentStore store, PlacementTuning tuning) {
        this.store = Objects.requireNonNull(store, "store");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
    }

    /**
     * Checks the winner's settings against the placement as it serves now, promotes, then saves them.
     *
     * @throws IllegalArgumentException if there is no such experiment or arm, or the arm's settings no longer fit
     *                                  the placement (a strategy was deleted): nothing changes
     * @throws IllegalStateException    as {@link ExperimentStore#promote}, nothing changes; or, after the promotion
     *                                  was recorded, if its settings could not be saved (the message says so)
     */
    public Promoted promote(long id, String armName, String by) {
        Experiment experiment = store.get(id)
                .orElseThrow(() -> new IllegalArgumentException("No experiment " + id));
        Arm arm = experiment.arm(armName);
        Placement settings = null;
        if (arm != null && arm.changesSettings()) {
            settings = arm.applyTo(tuning.served(experiment.placement()));
            tuning.validate(settings);
        }
        Experiment promoted = store.promote(id, armName, by);
        if (settings == null) {
            return new Promoted(promoted, null);
        }
        try {
            return new Promoted(promoted, tuning.save(settings, by));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Arm " + armName + " of experiment #" + id + " is promoted, but its "
                    + "settings could not be saved as " + experiment.placement() + "'s: " + e.getMessage()
                    + ". Save them on the Placement Tuning page: " + arm.describe(), e);
        }
    }

    /** A promotion: the experiment, and the placement settings it saved ({@code null} when it had none). */
    public static final class Promoted {
        private final Experiment experiment;
        private final StoredPlacementSettings settings;

        Promoted(Experiment experiment, StoredPlacementSettings settings) {
            this.experiment = experiment;
            this.settings = settings;
        }

        public Experiment experiment() {
            return experiment;
        }

        public StoredPlacementSettings settings() {
            return settings;
        }
    }
}
