package io.shelfwise.recommend.training;

import io.shelfwise.recommend.algo.ContentTrainer;
import io.shelfwise.recommend.algo.DefaultModel;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.algo.NeighbourTrainer;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.recommend.algo.TrendingTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.ItemContent;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The trainers behind the standard strategies, with the settings chosen on validation data (see
 * docs/evaluation.md). Item-to-item strategies differ from {@code default} in the histories they read (the
 * {@link RecommenderTraining.HistoryLoader} gives views only, purchases only, or orders), not in the algorithm.
 */
public final class StandardTrainers implements RecommenderTraining.TrainerCatalogue {

    public static final double POPULARITY_PRIOR = DefaultModel.POPULARITY_PRIOR;
    private final Supplier<ItemContent> content;

    /** The standard trainers without content: no {@code content} strategy, no content in the default. */
    public StandardTrainers() {
        this(null);
    }

    /**
     * @param content the catalogue's content (names, descriptions, categories, attributes), read when a run needs
     *                it; {@code null} for none
     */
    public StandardTrainers(Supplier<ItemContent> content) {
        this.content = content;
    }

    /** The strategies these trainers train: the standard ones, and {@code content} when there is content. */
    public List<String> strategies() {
        List<String> all = new ArrayList<>(STRATEGIES);
        if (content != null) {
            all.add("content");
        }
        return all;
    }

    /** Below this many shoppers with a validation target, the default is not tuned but takes the fallback. */
    static final int MIN_TUNING_USERS = 50;
    /** The strategies a store trains out of the box. */
    public static final List<String> STRATEGIES = Collections.unmodifiableList(Arrays.asList("default", "pop",
            "trending", "also-viewed", "also-bought", "bought-together"));
    /** How fast a trend fades: an interaction a week old counts half. */
    static final Duration TRENDING_HALF_LIFE = Duration.ofDays(7);
    static final int CONTENT_NEIGHBOURS = 50;
    private static final Function<String, IntConsumer> QUIET = name -> done -> {
    };

    @Override
    public NeighbourTrainer trainerFor(String strategy) {
        switch (strategy) {
            case "default":
                return DefaultModel.fallback().trainer();
            case "pop":
                return new PopularityTrainer();
            case "trending":
                return new TrendingTrainer(TRENDING_HALF_LIFE);
            case "content":
                if (content == null) {
                    throw new IllegalArgumentException("Strategy 'content' needs the catalogue's content, and none "
                            + "is configured");
                }
                return new ContentTrainer(content, CONTENT_NEIGHBOURS, 0.5, true);
            case "also-viewed":
            case "also-bought":
            case "bought-together":
                return new ItemKnnTrainer(strategy, 50, 0.5, 2, 1.0, 0, 3, POPULARITY_PRIOR);
            default:
                throw new IllegalArgumentException("No trainer for strategy '" + strategy + "'; known: "
                        + strategies());
        }
    }

    /**
     * The default model is tuned on the data's validation targets (as {@code ./shelfwise eval} does) when there are
     * enough shoppers to validate on; the other strategies take their fixed settings.
     */
    @Override
    public NeighbourTrainer tuned(String strategy, InteractionData data, Map<String, Object> settings)
            throws InterruptedException {
        if (!strategy.equals("default")) {
            return RecommenderTraining.TrainerCatalogue.super.tuned(strategy, data, settings);
        }
        int validatable = 0;
        for (int u = 0; u < data.numUsers(); u++) {
            if (data.sequence(u).length >= 3) {
                validatable++;
            }
        }
        DefaultModel tuning = DefaultModel.fallback();
        if (validatable >= MIN_TUNING_USERS) {
            FullRankingEvaluator evaluator = new FullRankingEvaluator(10, 1);
            LeaveOneOut.Phase validation = LeaveOneOut.validation(data);
            tuning = DefaultModel.tune(validation, evaluator, content == null ? null : content.get(), QUIET);
        }
        settings.clear();
        settings.putAll(tuning.settings());
        return tuning.trainer();
    }

    @Override
    public Map<String, Object> settingsOf(String strategy) {
        Map<String, Object> settings = new LinkedHashMap<>();
        switch (strategy) {
            case "default":
                return DefaultModel.fallback().settings();
            case "also-viewed":
            case "also-bought":
            case "bought-together":
                settings.put("neighbours", 50);
                settings.put("alpha", 0.5);
                settings.put("shrink", 2);
                settings.put("popularityPrior", POPULARITY_PRIOR);
                return settings;
            case "trending":
                return new TrendingTrainer(TRENDING_HALF_LIFE).settings();
            case "content":
                settings.put("neighbours", CONTENT_NEIGHBOURS);
                settings.put("maxDocumentShare", 0.5);
                return settings;
            default:
                return Collections.emptyMap();
        }
    }
}
