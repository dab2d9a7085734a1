package io.shelfwise.platform.broadleaf;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.serving.Catalogue;
import io.shelfwise.serving.OnnxRecommender;
import io.shelfwise.serving.ServingModels;
import io.shelfwise.serving.ShopperActivity;
import io.shelfwise.serving.StandardPlacements;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.inventory.service.InventoryService;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Duration;

/**
 * Factory methods for the recommendation beans of {@code bl-shelfwise-applicationContext.xml}, so that the Spring
 * XML names only classes compiled for Java 8 (see {@link CaptureComponents}).
 */
public final class ServingComponents {

    private ServingComponents() {
    }

    /**
     * The registry in the store's database, with artifacts in {@code directory} (created if missing).
     */
    public static ModelRegistry modelRegistry(DataSource dataSource, String directory) throws IOException {
        return new JdbcModelRegistry(dataSource, new ModelArtifactStore(Paths.get(directory)), Clock.systemUTC());
    }

    /** Shoppers' histories from the event store, and their visits from every event capture accepts. */
    public static ShopperActivity shopperActivity(EventCapture capture, int historyLimit, long historyTtlSeconds,
                                                  long sessionIdleMinutes, long maxShoppers) {
        ShopperActivity activity = new ShopperActivity(capture.store()::recentItemEvents, historyLimit,
                Duration.ofSeconds(historyTtlSeconds), Duration.ofMinutes(sessionIdleMinutes), maxShoppers,
                Ticker.systemTicker());
        capture.addListener(activity::onEvent);
        return activity;
    }

    public static Catalogue catalogue(CatalogService catalog, InventoryService inventory,
                                      PlatformTransactionManager transactions, long ttlSeconds, long maxItems) {
        return new BroadleafCatalogue(catalog, inventory, transactions, Duration.ofSeconds(ttlSeconds), maxItems);
    }

    /** The recommender with the standard placements. */
    public static OnnxRecommender recommender(ServingModels models, ShopperActivity activity, Catalogue catalogue,
                                              long cacheSize) {
        return OnnxRecommender.builder(models, activity, catalogue).placements(StandardPlacements.all())
                .cacheSize(cacheSize).build();
    }
}
