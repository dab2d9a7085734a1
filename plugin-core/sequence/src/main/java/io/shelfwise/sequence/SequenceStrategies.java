package io.shelfwise.sequence;

import io.shelfwise.recommend.algo.NeighbourTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.sequence.SequenceModelTrainer;
import io.shelfwise.recommend.sequence.SequenceSettings;
import io.shelfwise.recommend.training.RecommenderTraining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds sequence strategies ({@code gru}, {@code sasrec}) to another trainer catalogue, for stores that train neural
 * models (DJL and the PyTorch native library on the class path; see docs/sequential-models.md). Every other
 * strategy is the wrapped catalogue's. Immutable.
 */
public final class SequenceStrategies implements RecommenderTraining.TrainerCatalogue {

    private final RecommenderTraining.TrainerCatalogue base;
    private final Map<String, SequenceSettings> models;

    /** @param models strategy name to the settings its model trains with */
    public SequenceStrategies(RecommenderTraining.TrainerCatalogue base, Map<String, SequenceSettings> models) {
        if (base == null || models == null) {
            throw new NullPointerException("base and models are required");
        }
        this.base = base;
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /** {@code gru} and {@code sasrec} with their default settings, next to {@code base}'s strategies. */
    public static SequenceStrategies standard(RecommenderTraining.TrainerCatalogue base) {
        Map<String, SequenceSettings> models = new LinkedHashMap<>();
        models.put("gru", SequenceSettings.gru().build());
        models.put("sasrec", SequenceSettings.selfAttention().build());
        return new SequenceStrategies(base, models);
    }

    /** The sequence strategies this catalogue adds. */
    public List<String> strategies() {
        return new ArrayList<>(models.keySet());
    }

    @Override
    public SequenceModelTrainer sequenceTrainerFor(String strategy) {
        SequenceSettings settings = models.get(strategy);
        return settings == null ? base.sequenceTrainerFor(strategy) : new SequenceTrainer(settings, line -> { });
    }

    @Override
    public NeighbourTrainer trainerFor(String strategy) {
        if (models.containsKey(strategy)) {
            throw new IllegalArgumentException("Strategy '" + strategy + "' trains a sequence model, not a "
                    + "neighbour model");
        }
        return base.trainerFor(strategy);
    }

    @Override
    public Map<String, Object> settingsOf(String strategy) {
        SequenceSettings settings = models.get(strategy);
        return settings == null ? base.settingsOf(strategy) : settings.asMap();
    }

    @Override
    public NeighbourTrainer tuned(String strategy, InteractionData data, Map<String, Object> settings)
            throws InterruptedException {
        return base.tuned(strategy, data, settings);
    }
}
