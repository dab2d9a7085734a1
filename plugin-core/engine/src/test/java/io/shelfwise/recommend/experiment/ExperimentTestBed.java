package io.shelfwise.recommend.experiment;

import io.shelfwise.MovableClock;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.StandardPlacements;
import io.shelfwise.recommend.onnx.TestModels;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** A real HSQLDB with the plugin's schema, a registry with model files in a folder, and a clock tests move. */
final class ExperimentTestBed {

    static final List<String> ITEMS = Arrays.asList("p0", "p1", "p2", "p3", "p4", "p5");

    final MovableClock clock = new MovableClock(Instant.parse("2026-11-01T10:00:00Z"));
    final DataSource dataSource = TestDatabases.hsqldb();
    final ModelRegistry registry;
    final JdbcEventStore events;
    final Map<String, Placement> placements = new LinkedHashMap<>();
    final ExperimentStore store;

    ExperimentTestBed(Path modelDir) throws IOException {
        ShelfwiseSchema.migrate(dataSource);
        registry = new JdbcModelRegistry(dataSource, new ModelArtifactStore(modelDir), clock);
        events = new JdbcEventStore(dataSource, clock);
        for (Placement p : StandardPlacements.all()) {
            placements.put(p.name(), p);
        }
        store = new ExperimentStore(dataSource, registry, () -> placements, clock);
    }

    /** A READY version of {@code strategy} whose model ranks the items by {@code prior}. */
    ModelVersion ready(String strategy, float... prior) throws IOException {
        ModelVersion started = registry.startTraining(strategy, null);
        byte[] onnx = TestModels.onnx(strategy, ITEMS, new int[ITEMS.size()][0], prior, 1);
        return registry.completeTraining(started.id(), onnx, TrainingSummary.empty());
    }
}
