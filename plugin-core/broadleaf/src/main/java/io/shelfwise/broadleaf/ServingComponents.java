package io.shelfwise.broadleaf;

import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.health.HealthMonitor;
import io.shelfwise.health.NodeHealthPublisher;
import io.shelfwise.health.NodeHealthReports;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.train.PriceTraining;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.PlacementControl;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.experiment.ExperimentStore;
import io.shelfwise.recommend.experiment.ExperimentSync;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import io.shelfwise.recommend.training.ActiveModelSync;
import io.shelfwise.recommend.training.EventHistoryLoader;
import io.shelfwise.recommend.training.RecommenderTraining;
import io.shelfwise.recommend.training.StandardTrainers;
import io.shelfwise.recommend.tuning.PlacementSettingsStore;
import io.shelfwise.recommend.tuning.PlacementSettingsSync;
import io.shelfwise.recommend.tuning.PlacementTuning;
import io.shelfwise.recommend.upload.ModelUpload;
import io.shelfwise.recommend.upload.UploadedModelCheck;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.inventory.service.InventoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Factory methods for the recommendation beans of {@code bl-shelfwise-applicationContext.xml}, so that the Spring
 * XML names only classes compiled for Java 8 (see {@link CaptureComponents}).
 */
public final class ServingComponents {

    private static final Logger LOG = LoggerFactory.getLogger(ServingComponents.class);

    private ServingComponents() {
    }

    /**
     * The registry in the store's database, with artifacts in {@code directory} (created if missing).
     */
    public static ModelRegistry modelRegistry(DataSource dataSource, String directory, Clock clock)
            throws IOException {
        return new JdbcModelRegistry(dataSource, new ModelArtifactStore(Paths.get(directory)), clock);
    }

    /** Shoppers' histories from the event store, and their visits from every event capture accepts. */
    public static ShopperActivity shopperActivity(EventCapture capture, int historyLimit, long historyTtlSeconds,
                                                  long sessionIdleMinutes, long maxShoppers, long historyWaitMillis) {
        // histories are read on threads of their own: see ShopperActivity on sharing the store's connection pool
        java.util.concurrent.ExecutorService reads = java.util.concurrent.Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "shelfwise-history");
            thread.setDaemon(true);
            return thread;
        });
        ShopperActivity activity = new ShopperActivity(capture.store()::recentItemEvents, historyLimit,
                Duration.ofSeconds(historyTtlSeconds), Duration.ofMinutes(sessionIdleMinutes), maxShoppers,
                Ticker.systemTicker(), reads, Duration.ofMillis(historyWaitMillis));
        capture.addListener(activity::onEvent);
        return activity;
    }

    public static Catalogue catalogue(CatalogService catalog, InventoryService inventory,
                                      PlatformTransactionManager transactions, long ttlSeconds, long maxItems) {
        return new BroadleafCatalogue(catalog, inventory, transactions, Duration.ofSeconds(ttlSeconds), maxItems);
    }

    /** Keeps this node's served models in step with the registry, checking every {@code intervalSeconds}. */
    public static ActiveModelSync modelSync(ModelRegistry registry, ServingModels models, long intervalSeconds) {
        ActiveModelSync sync = new ActiveModelSync(registry, models);
        try {
            sync.start(Duration.ofSeconds(intervalSeconds));
        } catch (RuntimeException e) {
            LOG.error("Shelfwise: cannot read the model registry at start-up; recommendations fall back until it "
                    + "answers: " + e.getMessage());
        }
        return sync;
    }

    /** A/B experiments in the store's database, on the recommender's placements. */
    public static ExperimentStore experimentStore(DataSource dataSource, ModelRegistry registry,
                                                  PlacementControl recommender, Clock clock) {
        return new ExperimentStore(dataSource, registry, recommender::placements, clock);
    }

    /**
     * Serves running experiments' arms through the recommender on this node, reading the experiments every
     * {@code intervalSeconds}.
     */
    public static ExperimentSync experimentSync(ExperimentStore store, ModelRegistry registry,
                                                OnnxRecommender recommender, long intervalSeconds) {
        ExperimentSync sync = new ExperimentSync(store, registry, recommender);
        try {
            sync.start(Duration.ofSeconds(intervalSeconds));
        } catch (RuntimeException e) {
            LOG.error("Shelfwise: cannot read the experiments at start-up; placements serve as configured until "
                    + "they answer: " + e.getMessage());
        }
        return sync;
    }

    /**
     * Background training of the standard strategies from the event store: recovers runs a stop interrupted,
     * trains (and activates) every strategy without an active model once the event store has settled history
     * when {@code bootstrap}, and retrains all of them every {@code intervalHours} (0: never).
     */
    public static RecommenderTraining training(ModelRegistry registry, ServingModels models, EventCapture capture,
                                               long windowDays, long intervalHours, boolean bootstrap, Clock clock) {
        return training(registry, models, capture, new StandardTrainers(), windowDays, intervalHours, bootstrap,
                clock);
    }

    /** As above, with content-based recommendation over the store's catalogue. */
    public static RecommenderTraining training(ModelRegistry registry, ServingModels models, EventCapture capture,
                                               CatalogService catalog, PlatformTransactionManager transactions,
                                               long windowDays, long intervalHours, boolean bootstrap,
                                               Clock clock) {
        return training(registry, models, capture,
                new StandardTrainers(new BroadleafItemContent(catalog, transactions)), windowDays, intervalHours,
                bootstrap, clock);
    }

    private static RecommenderTraining training(ModelRegistry registry, ServingModels models, EventCapture capture,
                                                StandardTrainers trainers, long windowDays, long intervalHours,
                                                boolean bootstrap, Clock clock) {
        RecommenderTraining training = RecommenderTraining.builder(registry, models,
                new EventHistoryLoader(capture.store()), trainers)
                .window(Duration.ofDays(windowDays)).clock(clock).build();
        try {
            training.start();
        } catch (RuntimeException e) {
            LOG.error("Shelfwise: training could not start (the store runs; recommendations fall back): "
                    + e.getMessage());
        }
        if (bootstrap) {
            training.bootstrap(trainers.strategies(), capture.store()::count, Duration.ofSeconds(15));
        }
        if (intervalHours > 0) {
            training.schedule(trainers.strategies(), Duration.ofHours(intervalHours));
        }
        return training;
    }

    /**
     * The recommender with the standard placements.
     *
     * @param cacheTtlSeconds how long results are reused (0: not cached)
     * @param cacheTtlOverrides per placement, {@code "home-trending=900, pdp-similar=3600"}; blank for none
     * @throws IllegalArgumentException naming the property value to fix
     */
    public static OnnxRecommender recommender(ServingModels models, ShopperActivity activity, Catalogue catalogue,
                                              long cacheSize, long cacheTtlSeconds, String cacheTtlOverrides) {
        if (cacheTtlSeconds < 0) {
            throw new IllegalArgumentException("shelfwise.serving.cache.ttl.seconds cannot be negative, was "
                    + cacheTtlSeconds);
        }
        return OnnxRecommender.builder(models, activity, catalogue)
                .placements(StandardPlacements.all(Duration.ofSeconds(cacheTtlSeconds),
                        placementSeconds(cacheTtlOverrides)))
                .cacheSize(cacheSize).build();
    }

    /**
     * The standard placements with their cache TTLs: what the recommender starts with and what a reset of a
     * placement's tuned settings returns to.
     *
     * @throws IllegalArgumentException naming the property value to fix
     */
    public static List<Placement> standardPlacements(long cacheTtlSeconds, String cacheTtlOverrides) {
        if (cacheTtlSeconds < 0) {
            throw new IllegalArgumentException("shelfwise.serving.cache.ttl.seconds cannot be negative, was "
                    + cacheTtlSeconds);
        }
        return StandardPlacements.all(Duration.ofSeconds(cacheTtlSeconds), placementSeconds(cacheTtlOverrides));
    }

    /** The recommender serving {@code placements}, timing requests into {@code meters}. */
    public static OnnxRecommender configuredRecommender(ServingModels models, ShopperActivity activity,
                                                        Catalogue catalogue, long cacheSize,
                                                        List<Placement> placements, MeterRegistry meters) {
        return OnnxRecommender.builder(models, activity, catalogue).placements(placements).cacheSize(cacheSize)
                .meterRegistry(meters).build();
    }

    /** Applies saved placement settings on this node now and every {@code intervalSeconds}. */
    public static PlacementSettingsSync placementSettingsSync(PlacementSettingsStore store,
                                                              OnnxRecommender recommender,
                                                              List<Placement> standard, long intervalSeconds) {
        PlacementSettingsSync sync = new PlacementSettingsSync(store, recommender, standard);
        try {
            sync.start(Duration.ofSeconds(intervalSeconds));
        } catch (RuntimeException e) {
            LOG.error("Shelfwise: cannot read the saved placement settings at start-up; placements serve their "
                    + "standard settings until it answers: " + e.getMessage());
        }
        return sync;
    }

    /**
     * The admin's placement tuning. A chain may name the standard strategies, those of the standard placements,
     * and any strategy the registry has a version of (trained or uploaded).
     */
    public static PlacementTuning placementTuning(OnnxRecommender recommender, PlacementSettingsStore store,
                                                  PlacementSettingsSync sync, ModelRegistry registry) {
        return new PlacementTuning(recommender, store, sync, () -> {
            Set<String> known = new TreeSet<>(StandardTrainers.STRATEGIES);
            known.add("content");
            for (Placement p : sync.standard().values()) {
                for (Placement.Step step : p.chain()) {
                    for (Placement.BlendPart part : step.parts()) {
                        known.add(part.strategy());
                    }
                }
            }
            for (ModelVersion version : registry.versions()) {
                // a failed upload's name is no strategy to choose, nor is the price model
                if (version.status() != ModelVersion.Status.FAILED
                        && !PriceTraining.STRATEGY.equals(version.strategy())) {
                    known.add(version.strategy());
                }
            }
            return known;
        });
    }

    /**
     * Bring-your-own model uploads, checked against the store's product ids (read from Broadleaf per upload).
     *
     * @param maxMegabytes     largest upload accepted
     * @param minKnownFraction share of the model's item ids that must be products of the catalogue
     */
    public static ModelUpload modelUpload(ModelRegistry registry, BroadleafPriceCatalogue catalogue,
                                          long maxMegabytes, double minKnownFraction) {
        UploadedModelCheck check = UploadedModelCheck.builder().maxBytes(maxMegabytes * 1024 * 1024)
                .minKnownFraction(minKnownFraction).build();
        return new ModelUpload(registry, check, () -> {
            Set<String> ids = new HashSet<>();
            for (ProductListing listing : catalogue.get()) {
                ids.add(listing.id());
            }
            return ids;
        });
    }

    /**
     * The admin's health figures, sampling the event counters every minute.
     *
     * @param rateWindowMinutes how far back event rates are measured
     */
    public static HealthMonitor healthMonitor(MeterRegistry meters, ModelRegistry registry,
                                              OnnxRecommender recommender, ShopperActivity activity,
                                              long rateWindowMinutes, Clock clock) {
        Map<String, Supplier<CacheStats>> caches = new LinkedHashMap<>();
        caches.put("recommendations", recommender::cacheStats);
        caches.put("shopper-histories", activity::historyCacheStats);
        HealthMonitor monitor = new HealthMonitor(meters, registry, caches, clock,
                Duration.ofMinutes(rateWindowMinutes));
        monitor.start(Duration.ofMinutes(1));
        return monitor;
    }

    /** Every node's health reports (migration V7), kept {@code retentionHours}. */
    public static NodeHealthReports nodeHealthReports(DataSource dataSource, long retentionHours, Clock clock) {
        return new NodeHealthReports(dataSource, clock, Duration.ofHours(retentionHours));
    }

    /** Writes this node's health every {@code intervalSeconds} for the admin's health page. */
    public static NodeHealthPublisher nodeHealthPublisher(HealthMonitor monitor, NodeHealthReports reports,
                                                          String role, long intervalSeconds, Clock clock) {
        NodeHealthPublisher publisher = new NodeHealthPublisher(monitor, reports, role, clock);
        publisher.start(Duration.ofSeconds(intervalSeconds));
        return publisher;
    }

    /** Parses {@code "name=seconds, name=seconds"}. */
    static java.util.Map<String, Duration> placementSeconds(String value) {
        java.util.Map<String, Duration> map = new java.util.LinkedHashMap<>();
        if (value == null || value.trim().isEmpty()) {
            return map;
        }
        for (String entry : value.split(",")) {
            String[] parts = entry.split("=");
            try {
                if (parts.length != 2) {
                    throw new NumberFormatException();
                }
                long seconds = Long.parseLong(parts[1].trim());
                if (seconds < 0) {
                    throw new NumberFormatException();
                }
                map.put(parts[0].trim(), Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("shelfwise.serving.cache.ttl.placements: '" + entry.trim()
                        + "' is not placement=seconds (e.g. home-trending=900)");
            }
        }
        return map;
    }
}
