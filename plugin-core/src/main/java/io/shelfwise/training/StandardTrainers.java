package io.shelfwise.training;

import io.shelfwise.recommend.ItemKnnTrainer;
import io.shelfwise.recommend.NeighbourTrainer;
import io.shelfwise.recommend.PopularityTrainer;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The trainers behind the standard strategies, with the settings chosen on validation data (see
 * docs/evaluation.md). Item-to-item strategies differ from {@code default} in the histories they read (the
 * {@link RecommenderTraining.HistoryLoader} gives views only, purchases only, or orders), not in the algorithm.
 */
public final class StandardTrainers implements RecommenderTraining.TrainerCatalogue {

    /** The default model's settings: item-kNN with asymmetric cosine, item transitions and recency decay. */
    public static final double DEFAULT_ALPHA = 0.85;
    public static final double DEFAULT_DECAY = 0.35;
    public static final double DEFAULT_TRANSITIONS = 4;
    public static final int NEIGHBOURS = 200;
    public static final double POPULARITY_PRIOR = 1e-3;
    /** The strategies a store trains out of the box. */
    public static final List<String> STRATEGIES = Collections.unmodifiableList(Arrays.asList("default", "pop",
            "also-viewed", "also-bought", "bought-together"));

    @Override
    public NeighbourTrainer trainerFor(String strategy) {
        switch (strategy) {
            case "default":
                return new ItemKnnTrainer("default", NEIGHBOURS, DEFAULT_ALPHA, 0, DEFAULT_DECAY,
                        DEFAULT_TRANSITIONS, 3, POPULARITY_PRIOR);
            case "pop":
                return new PopularityTrainer();
            case "also-viewed":
            case "also-bought":
            case "bought-together":
                return new ItemKnnTrainer(strategy, 50, 0.5, 2, 1.0, 0, 3, POPULARITY_PRIOR);
            default:
                throw new IllegalArgumentException("No trainer for strategy '" + strategy + "'; known: "
                        + "default, pop, also-viewed, also-bought, bought-together");
        }
    }

    @Override
    public Map<String, Object> settingsOf(String strategy) {
        Map<String, Object> settings = new LinkedHashMap<>();
        switch (strategy) {
            case "default":
                settings.put("neighbours", NEIGHBOURS);
                settings.put("alpha", DEFAULT_ALPHA);
                settings.put("recencyDecay", DEFAULT_DECAY);
                settings.put("transitionWeight", DEFAULT_TRANSITIONS);
                settings.put("window", 3);
                settings.put("popularityPrior", POPULARITY_PRIOR);
                return settings;
            case "also-viewed":
            case "also-bought":
            case "bought-together":
                settings.put("neighbours", 50);
                settings.put("alpha", 0.5);
                settings.put("shrink", 2);
                settings.put("popularityPrior", POPULARITY_PRIOR);
                return settings;
            default:
                return Collections.emptyMap();
        }
    }
}
