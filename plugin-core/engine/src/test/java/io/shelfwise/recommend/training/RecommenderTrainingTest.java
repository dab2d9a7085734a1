package io.shelfwise.recommend.training;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.onnx.OnnxNeighbourModelTestData;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.registry.JdbcModelRegistry;
import io.shelfwise.registry.ModelArtifactStore;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecommenderTrainingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T00:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path store;

    private DataSource ds;
    private ModelRegistry registry;
    private ServingModels serving;
    private final AtomicReference<InteractionData> data = new AtomicReference<>();
    private RecommenderTraining training;

    @BeforeEach
    void setUp() throws Exception {
        ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        registry = new JdbcModelRegistry(ds, new ModelArtifactStore(store), CLOCK);
        serving = new ServingModels();
        data.set(OnnxNeighbourModelTestData.randomData(new Random(1), 200, 60, 10));
        training = RecommenderTraining.builder(registry, serving, (strategy, from, to) -> data.get(),
                new StandardTrainers()).clock(CLOCK).build();
    }

    @AfterEach
    void tearDown() {
        training.close();
        serving.close();
    }

    @Test
    void theDataWindowBeginsAtTheFirstEventReadNotAtTheConfiguredStart() {
        Instant from = Instant.parse("1995-07-06T00:00:00Z");
        InteractionData timed = InteractionData.of(
                new int[][] {{0, 1}, {1}}, new long[][] {{1_300_000_000L, 1_300_000_100L}, {1_291_197_600L}},
                java.util.Arrays.asList("a", "b"), java.util.Arrays.asList("x", "y"));
        assertThat(RecommenderTraining.firstEvent(timed, from)).isEqualTo(Instant.ofEpochSecond(1_291_197_600L));
        // never before the window's start, and the start when the data has no times
        assertThat(RecommenderTraining.firstEvent(timed, Instant.ofEpochSecond(1_299_000_000L)))
                .isEqualTo(Instant.ofEpochSecond(1_299_000_000L));
        assertThat(RecommenderTraining.firstEvent(InteractionData.of(new int[][] {{0}},
                java.util.Collections.singletonList("a"), java.util.Collections.singletonList("x")), from))
                .isEqualTo(from);
    }

    @Test
    void trainsMeasuresStoresAndActivates() throws Exception {
        ModelVersion started = training.trainNow("default", "admin", true);
        assertThat(started.status()).isEqualTo(ModelVersion.Status.TRAINING);
        training.awaitIdle(60, TimeUnit.SECONDS);

        ModelVersion ready = registry.version(started.id()).get();
        assertThat(ready.status()).isEqualTo(ModelVersion.Status.READY);
        assertThat(ready.metricsJson()).contains("\"HR@10\"").contains("\"NDCG@10\"").contains("leave-one-out");
        assertThat(ready.provenanceJson()).contains("ItemKnnTrainer").contains("transitionWeight");
        assertThat(ready.itemCount()).isEqualTo(60);
        assertThat(ready.dataTo()).isEqualTo(CLOCK.instant());
        assertThat(registry.active("default").get().id()).isEqualTo(ready.id());
        assertThat(serving.activeVersions()).containsEntry("default", "default@1");

        // another process (a storefront) serves what is active
        ServingModels storefront = new ServingModels();
        try (ActiveModelSync sync = new ActiveModelSync(registry, storefront)) {
            assertThat(sync.syncNow()).isEmpty();
            assertThat(storefront.activeVersions()).containsEntry("default", "default@1");
        } finally {
            storefront.close();
        }
    }

    @Test
    void aRunThatFailsLeavesThePreviousVersionServing() throws Exception {
        training.trainNow("default", "admin", true);
        training.awaitIdle(60, TimeUnit.SECONDS);

        RecommenderTraining crashing = RecommenderTraining.builder(registry, serving, (strategy, from, to) -> {
            throw new IllegalStateException("database is down");
        }, new StandardTrainers()).clock(CLOCK).build();
        try {
            ModelVersion failed = crashing.trainNow("default", "admin", true);
            crashing.awaitIdle(60, TimeUnit.SECONDS);
            ModelVersion after = registry.version(failed.id()).get();
            assertThat(after.status()).isEqualTo(ModelVersion.Status.FAILED);
            assertThat(after.message()).contains("database is down");
        } finally {
            crashing.close();
        }
        assertThat(serving.activeVersions()).containsEntry("default", "default@1");
        assertThat(registry.active("default").get().version()).isEqualTo(1);

        data.set(InteractionData.of(new int[0][], java.util.Collections.<String>emptyList(),
                java.util.Collections.<String>emptyList()));
        ModelVersion empty = training.trainNow("default", "admin", true);
        training.awaitIdle(60, TimeUnit.SECONDS);
        assertThat(registry.version(empty.id()).get().message()).contains("no events");
        assertThat(serving.activeVersions()).containsEntry("default", "default@1");
    }

    @Test
    void aCancelledRunNeverBecomesReady() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        RecommenderTraining slow = RecommenderTraining.builder(registry, serving, (strategy, from, to) -> {
            loading.countDown();
            try {
                cancelled.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return data.get();
        }, new StandardTrainers()).clock(CLOCK).build();
        try {
            ModelVersion run = slow.trainNow("default", "admin", true);
            assertThat(loading.await(30, TimeUnit.SECONDS)).isTrue();
            slow.cancel(run.id(), "admin");
            cancelled.countDown();
            slow.awaitIdle(60, TimeUnit.SECONDS);
            ModelVersion after = registry.version(run.id()).get();
            assertThat(after.status()).isEqualTo(ModelVersion.Status.FAILED);
            assertThat(after.message()).contains("cancelled by admin");
            assertThat(serving.activeVersions()).doesNotContainKey("default");
        } finally {
            slow.close();
        }
    }

    @Test
    void aCorruptedArtifactIsNeitherActivatedNorLoadedAtStart() throws Exception {
        training.trainNow("default", "admin", true);
        training.awaitIdle(60, TimeUnit.SECONDS);
        training.trainNow("default", "admin", false);
        training.awaitIdle(60, TimeUnit.SECONDS);
        ModelVersion v2 = registry.versions("default").get(0);
        assertThat(v2.version()).isEqualTo(2);
        try (RandomAccessFile file = new RandomAccessFile(store.resolve(v2.artifact().fileName()).toFile(), "rw")) {
            file.seek(file.length() / 2);
            int b = file.read();
            file.seek(file.length() / 2);
            file.write(b ^ 0xff);
        }
        assertThatThrownBy(() -> training.activate("default", v2.id(), "admin"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("default@2");
        assertThat(registry.active("default").get().version()).isEqualTo(1);
        assertThat(serving.activeVersions()).containsEntry("default", "default@1");

        // the same corruption found by a storefront's sync: reported once, the slot left to fall back
        registry.activate("pdp-similar.default", v2.id(), "admin");
        ServingModels storefront = new ServingModels();
        try (ActiveModelSync sync = new ActiveModelSync(registry, storefront)) {
            Map<String, String> problems = sync.syncNow();
            assertThat(problems).containsOnlyKeys("pdp-similar.default");
            assertThat(storefront.activeVersions()).containsOnlyKeys("default");
            assertThat(sync.syncNow().get("pdp-similar.default")).startsWith("refused earlier");
        } finally {
            storefront.close();
        }
    }

    @Test
    void rollbackServesThePreviousVersion() throws Exception {
        training.trainNow("default", "admin", true);
        training.awaitIdle(60, TimeUnit.SECONDS);
        training.trainNow("default", "admin", true);
        training.awaitIdle(60, TimeUnit.SECONDS);
        assertThat(serving.activeVersions()).containsEntry("default", "default@2");
        ModelVersion back = training.rollback("default", "admin");
        assertThat(back.version()).isEqualTo(1);
        assertThat(serving.activeVersions()).containsEntry("default", "default@1");
    }

    @Test
    void aStorefrontFollowsActivationsAndRollbacks() throws Exception {
        ServingModels storefront = new ServingModels();
        try (ActiveModelSync sync = new ActiveModelSync(registry, storefront)) {
            training.trainNow("default", "admin", true);
            training.awaitIdle(60, TimeUnit.SECONDS);
            training.trainNow("default", "admin", true);
            training.awaitIdle(60, TimeUnit.SECONDS);
            sync.syncNow();
            assertThat(storefront.activeVersions()).containsEntry("default", "default@2");
            training.rollback("default", "admin");
            sync.syncNow();
            assertThat(storefront.activeVersions()).containsEntry("default", "default@1");
        } finally {
            storefront.close();
        }
    }

    @Test
    void startFailsRunsAStoppedProcessLeftTraining() {
        ModelVersion orphan = registry.startTraining("default", null);
        assertThat(training.start()).isEqualTo(1);
        assertThat(registry.version(orphan.id()).get().status()).isEqualTo(ModelVersion.Status.FAILED);
    }

    @Test
    void unknownStrategiesAreRefusedBeforeAnythingIsRecorded() {
        assertThatThrownBy(() -> training.trainNow("telepathy", "admin", true))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("telepathy");
        assertThat(registry.versions()).isEmpty();
    }

    @Test
    void bootstrapWaitsForAnImportToFinishButNotForLiveShoppersToStop() throws Exception {
        // an import lands in bursts, then shoppers keep adding a few events between checks
        long[] counts = {0, 12_000, 38_000, 38_954, 38_961, 38_975, 38_990, 39_002, 39_010};
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong lastRead = new java.util.concurrent.atomic.AtomicLong(-1);
        training.bootstrap(java.util.Collections.singletonList("pop"), () -> {
            long count = counts[Math.min(reads.getAndIncrement(), counts.length - 1)];
            lastRead.set(count);
            return count;
        }, java.time.Duration.ofMillis(20));
        for (int i = 0; i < 200 && !registry.active("pop").isPresent(); i++) {
            Thread.sleep(20);
        }
        training.awaitIdle(30, TimeUnit.SECONDS);
        assertThat(registry.active("pop")).isPresent();
        // once every strategy is started the count is not read again: the last read is the one that trained,
        // the first to grow by under 1% (38,954 -> 38,961), not during the import, and not never
        assertThat(lastRead.get()).isEqualTo(38_961);
    }

    @Test
    void aHistoryOfAFewProductsIsNoModelAndThePlacementKeepsItsFallbacks() throws Exception {
        data.set(InteractionData.of(new int[][] {{0, 1}, {1, 2}, {0, 2}}, java.util.Arrays.asList("a", "b", "c"),
                java.util.Arrays.asList("p1", "p2", "p3")));
        ModelVersion run = training.trainNow("also-viewed", "bootstrap", true);
        training.awaitIdle(30, TimeUnit.SECONDS);
        ModelVersion failed = registry.version(run.id()).get();
        assertThat(failed.status()).isEqualTo(ModelVersion.Status.FAILED);
        assertThat(failed.message()).contains("too little history", "3 product(s)");
        assertThat(registry.active("also-viewed")).isEmpty();
    }
}
