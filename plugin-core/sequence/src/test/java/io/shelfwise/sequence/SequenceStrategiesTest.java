package io.shelfwise.sequence;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.sequence.SequenceSettings;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.recommend.training.RecommenderTraining;
import io.shelfwise.recommend.training.StandardTrainers;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The store's training runs with the sequence strategies this module adds: trained, served, cancelled. */
class SequenceStrategiesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path store;

    private ModelRegistry registry;
    private ServingModels serving;
    private final AtomicReference<InteractionData> data = new AtomicReference<>();

    @BeforeEach
    void setUp() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(store), CLOCK);
        serving = new ServingModels();
        data.set(OnnxNeighbourModelTestData.randomData(new Random(1), 200, 60, 10));
    }

    @AfterEach
    void tearDown() {
        serving.close();
    }

    @Test
    void trainsASequenceModelIntoTheRegistryAndServesIt() throws Exception {
        RecommenderTraining neural = RecommenderTraining.builder(registry, serving, (strategy, from, to) -> data.get(),
                new SequenceStrategies(new StandardTrainers(), java.util.Collections.singletonMap("gru",
                        SequenceSettings.gru().dimension(8).maxEpochs(2).seed(5).build())))
                .clock(CLOCK).build();
        try {
            ModelVersion started = neural.trainNow("gru", "admin", true);
            neural.awaitIdle(60, TimeUnit.SECONDS);
            ModelVersion ready = registry.version(started.id()).get();
            assertThat(ready.status()).isEqualTo(ModelVersion.Status.READY);
            assertThat(ready.metricsJson()).contains("\"HR@10\"").contains("\"architecture\":\"gru\"");
            assertThat(ready.provenanceJson()).contains("SequenceTrainer");
            assertThat(serving.activeVersions()).containsEntry("gru", "gru@1");

            // cancelled before its first epoch ends: FAILED, and gru@1 keeps serving
            ModelVersion cancelled = neural.trainNow("gru", "admin", true);
            neural.cancel(cancelled.id(), "admin");
            neural.awaitIdle(60, TimeUnit.SECONDS);
            assertThat(registry.version(cancelled.id()).get().status()).isEqualTo(ModelVersion.Status.FAILED);
            assertThat(serving.activeVersions()).containsEntry("gru", "gru@1");
            assertThat(registry.active("gru").get().id()).isEqualTo(ready.id());
        } finally {
            neural.close();
        }
    }
}
