package io.shelfwise.price.train;

import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PriceTrainingSource;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trains the price model from a source into the model registry, under strategy {@value #STRATEGY}, versioned like
 * the recommenders: TRAINING, then READY with the ONNX artifact, metrics and settings, or FAILED with the reason.
 * Serving loads a READY version with {@link PriceModel#load} from {@link ModelRegistry#artifactPath}.
 */
public final class PriceTraining {

    public static final String STRATEGY = "price";
    /** The placement whose active version the advisor serves. */
    public static final String PLACEMENT = "price-suggestions";

    private final ModelRegistry registry;
    private final PriceModelTrainer trainer;
    private final PriceModelTrainer.Settings settings;

    public PriceTraining(ModelRegistry registry, PriceModelTrainer.Settings settings, java.time.Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.trainer = new PriceModelTrainer(settings, clock);
    }

    /** Trains one version; on failure the version is marked FAILED and the exception rethrown. */
    public ModelVersion train(PriceTrainingSource source) throws IOException {
        JsonMapper json = JsonMapper.builder().build();
        Map<String, Object> described = new LinkedHashMap<>(settings.asMap());
        described.put("source", source.describe());
        ModelVersion run = registry.startTraining(STRATEGY, json.writeValueAsString(described));
        try {
            PriceHistory history = source.load();
            registry.reportProgress(run.id(), 0.1, "read " + history.pricedProducts().size() + " priced products, "
                    + history.rejectedTotal() + " rows left out");
            PriceModelTrainer.Result result = trainer.train(history);
            Map<String, Object> metrics = new LinkedHashMap<>(result.metrics());
            metrics.put("rejectedRows", history.rejectedTotal());
            return registry.completeTraining(run.id(), result.onnx(), TrainingSummary.builder()
                    .metricsJson(json.writeValueAsString(metrics))
                    .trainSeconds(((Number) result.metrics().get("trainSeconds")).doubleValue())
                    .itemCount(((Number) result.metrics().get("products")).intValue())
                    .build());
        } catch (IOException | RuntimeException e) {
            registry.failTraining(run.id(), String.valueOf(e.getMessage()));
            throw e;
        }
    }
}
