package io.shelfwise.health;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.MovableClock;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.recommend.CatalogueItem;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.StrategyInput;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.recommend.serve.OnnxRecommender;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.serve.ShopperActivity;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

class HealthMonitorTest {

    @TempDir
    Path modelDir;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void eventTotalsAndRatesOverTheWindow() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        EventCapture capture = new EventCapture(ds, clock, meters, 100, 10, 50);
        capture.start();
        HealthMonitor monitor = new HealthMonitor(meters, registry(ds), Collections.emptyMap(), clock,
                Duration.ofMinutes(15));
        monitor.sample();
        assertThat(monitor.snapshot().events().writtenPerMinute()).isNull();

        for (int i = 0; i < 30; i++) {
            capture.record(InteractionEvent.builder(EventType.PRODUCT_VIEW, ShopperKey.customer(i), clock.instant())
                    .item("p" + i).build());
        }
        capture.close(); // drains: all 30 written
        for (int i = 0; i < 5; i++) {
            capture.record(InteractionEvent.builder(EventType.PRODUCT_VIEW, ShopperKey.customer(i), clock.instant())
                    .item("p" + i).build()); // capture is off now: dropped
        }
        clock.advance(Duration.ofMinutes(2));

        HealthSnapshot.EventIntake events = monitor.snapshot().events();
        assertThat(events.accepted()).isEqualTo(30);
        assertThat(events.written()).isEqualTo(30);
        assertThat(events.dropped()).isEqualTo(5);
        assertThat(events.droppedByReason()).containsEntry("capture_off", 5.0);
        assertThat(events.rateWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(events.writtenPerMinute()).isEqualTo(15.0);
        assertThat(events.droppedPerMinute()).isEqualTo(2.5);

        // 20 minutes later with no events: the rate covers the last 15 minutes (from the newest sample before them)
        clock.advance(Duration.ofMinutes(5));
        monitor.sample();
        clock.advance(Duration.ofMinutes(15));
        HealthSnapshot.EventIntake later = monitor.snapshot().events();
        assertThat(later.rateWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(later.writtenPerMinute()).isEqualTo(0.0);
        assertThat(later.written()).isEqualTo(30);
        monitor.close();
    }

    @Test
    void eventsTheStoreCannotTakeRaiseTheAlarmWithTheDatabasesWordsUntilItTakesThemAgain() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        EventCapture capture = new EventCapture(ds, clock, meters, 100, 10, 50);
        capture.start();
        HealthMonitor monitor = new HealthMonitor(meters, registry(ds), Collections.emptyMap(), clock,
                Duration.ofMinutes(15));
        assertThat(monitor.snapshot().events().storing()).isTrue();
        sql(ds, "ALTER TABLE SW_EVENT RENAME TO SW_EVENT_AWAY");

        capture.record(InteractionEvent.builder(EventType.PRODUCT_VIEW, ShopperKey.customer(1), clock.instant())
                .item("p1").build());
        for (int i = 0; i < 400 && monitor.snapshot().events().storing(); i++) {
            Thread.sleep(25);
        }
        HealthSnapshot.EventIntake failing = monitor.snapshot().events();
        assertThat(failing.storing()).isFalse();
        assertThat(failing.failingSince()).isEqualTo(clock.instant());
        assertThat(failing.storeError()).startsWith("The database refused an event: ").contains("SW_EVENT");
        assertThat(failing.writeFailures()).isPositive();
        assertThat(failing.queued()).isEqualTo(1);

        sql(ds, "ALTER TABLE SW_EVENT_AWAY RENAME TO SW_EVENT");
        assertThat(capture.writer().flush(Duration.ofSeconds(30))).isTrue();
        HealthSnapshot.EventIntake recovered = monitor.snapshot().events();
        assertThat(recovered.storing()).isTrue();
        assertThat(recovered.storeError()).isNull();
        assertThat(recovered.written()).isEqualTo(1);
        assertThat(recovered.queued()).isZero();
        capture.close();
        monitor.close();
    }

    @Test
    void captureThatCouldNotStartIsReportedAsNotStoringEvents() throws Exception {
        org.hsqldb.jdbc.JDBCDataSource unreachable = new org.hsqldb.jdbc.JDBCDataSource();
        unreachable.setUrl("jdbc:hsqldb:hsql://127.0.0.1:1/none");
        unreachable.setUser("SA");
        EventCapture capture = new EventCapture(unreachable, clock, meters, 100, 10, 50);
        capture.start();
        HealthMonitor monitor = new HealthMonitor(meters, registry(TestDatabases.hsqldb()), Collections.emptyMap(),
                clock, Duration.ofMinutes(15));
        HealthSnapshot.EventIntake events = monitor.snapshot().events();
        assertThat(events.storing()).isFalse();
        assertThat(events.failingSince()).isEqualTo(clock.instant());
        assertThat(events.storeError()).startsWith("Capture is off: the event store could not be set up at start");
        monitor.close();
    }

    private static void sql(DataSource ds, String statement) throws Exception {
        try (java.sql.Connection c = ds.getConnection(); java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    @Test
    void cacheHitRatesLatencyPercentilesAndLastTrainingRuns() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        io.shelfwise.jdbc.ShelfwiseSchema.migrate(ds);
        ModelRegistry registry = registry(ds);
        List<String> items = Arrays.asList("a", "b", "c");
        ServingModels models = new ServingModels();
        models.activate("pop", "pop@1", TestModels.onnx("pop", items, new int[3][0], new float[] {3, 2, 1}, 1));
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> Collections.emptyList(), 10,
                Duration.ofMinutes(1), Duration.ofMinutes(30), 100, Ticker.systemTicker());
        OnnxRecommender recommender = OnnxRecommender.builder(models, activity, id -> new CatalogueItem(id, id,
                Collections.singletonList("all"), BigDecimal.ONE, true, true))
                .placement(Placement.builder("home").then("pop", StrategyInput.NONE).build())
                .meterRegistry(meters).build();
        for (int i = 0; i < 4; i++) {
            recommender.recommend(RecommendationRequest.builder("home").count(2).build());
        }
        ModelVersion pop1 = registry.startTraining("pop", null);
        registry.completeTraining(pop1.id(), new byte[] {1, 2, 3}, TrainingSummary.builder().trainSeconds(1.5).build());
        ModelVersion pop2 = registry.startTraining("pop", null);
        clock.advance(Duration.ofSeconds(42));
        registry.failTraining(pop2.id(), "out of memory");
        registry.startTraining("default", null);

        Map<String, Supplier<com.github.benmanes.caffeine.cache.stats.CacheStats>> caches = new LinkedHashMap<>();
        caches.put("recommendations", recommender::cacheStats);
        caches.put("shopper-histories", activity::historyCacheStats);
        HealthSnapshot health = new HealthMonitor(meters, registry, caches, clock, Duration.ofMinutes(15)).snapshot();

        assertThat(health.caches().get("recommendations").hits()).isEqualTo(3);
        assertThat(health.caches().get("recommendations").hitRate()).isEqualTo(0.75);
        assertThat(health.caches().get("shopper-histories").hitRate()).isNull();
        assertThat(health.latencies()).extracting(HealthSnapshot.PlacementLatency::placement,
                HealthSnapshot.PlacementLatency::cached, HealthSnapshot.PlacementLatency::count)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("home", false, 1L),
                        org.assertj.core.groups.Tuple.tuple("home", true, 3L));
        HealthSnapshot.PlacementLatency cached = health.latencies().get(1);
        assertThat(cached.p50Millis()).isNotNull();
        assertThat(cached.p50Millis()).isLessThanOrEqualTo(cached.p95Millis());
        assertThat(cached.p95Millis()).isLessThanOrEqualTo(cached.p99Millis());
        assertThat(health.modelFailures()).isEmpty();

        assertThat(health.training()).extracting(HealthSnapshot.TrainingStatus::label,
                HealthSnapshot.TrainingStatus::status, HealthSnapshot.TrainingStatus::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("default@1", "TRAINING", null),
                        org.assertj.core.groups.Tuple.tuple("pop@2", "FAILED", "out of memory"));
        assertThat(health.training().get(0).duration()).isNull();
        assertThat(health.training().get(1).duration()).isEqualTo(Duration.ofSeconds(42));
        models.close();
    }

    private ModelRegistry registry(DataSource ds) throws Exception {
        io.shelfwise.jdbc.ShelfwiseSchema.migrate(ds);
        return new JdbcModelRegistry(ds, new ModelArtifactStore(modelDir), clock);
    }
}
