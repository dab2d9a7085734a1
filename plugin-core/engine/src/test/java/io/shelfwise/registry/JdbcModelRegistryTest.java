package io.shelfwise.registry;

import io.shelfwise.MovableClock;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.registry.Activation.Reason;
import io.shelfwise.registry.ModelVersion.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The registry against real databases: HSQLDB always, PostgreSQL when SHELFWISE_PG_URL is set. */
class JdbcModelRegistryTest {

    private static final Instant T0 = Instant.parse("2026-11-20T03:00:00Z");
    private static final String HOME = "home-for-you";
    private static final String PDP = "pdp-also-bought";

    @TempDir
    Path root;

    private final MovableClock clock = new MovableClock(T0);
    private Path storeDir;
    private DataSource dataSource;

    static List<String> databases() {
        return TestDatabases.all();
    }

    private JdbcModelRegistry registry(DataSource ds) throws IOException {
        storeDir = root.resolve("models");
        return new JdbcModelRegistry(ds, new ModelArtifactStore(storeDir), clock);
    }

    private JdbcModelRegistry registry(String database) throws IOException {
        dataSource = TestDatabases.named(database);
        ShelfwiseSchema.migrate(dataSource);
        return registry(dataSource);
    }

    private static byte[] model(String content) {
        return ("ONNX " + content).getBytes(StandardCharsets.UTF_8);
    }

    /** A version trained and READY. */
    private ModelVersion ready(ModelRegistry registry, String strategy) throws IOException {
        ModelVersion v = registry.startTraining(strategy, null);
        return registry.completeTraining(v.id(), model(v.label()), TrainingSummary.empty());
    }

    /** READY versions default@1..n, activated on HOME by alice in that order. */
    private List<ModelVersion> activatedOneByOne(ModelRegistry registry, int n) throws IOException {
        List<ModelVersion> versions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ModelVersion version = ready(registry, "default");
            registry.activate(HOME, version.id(), "alice");
            versions.add(version);
        }
        return versions;
    }

    private List<String> filesInStore() throws IOException {
        try (Stream<Path> files = Files.list(storeDir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void versionsAreNumberedPerStrategyFromOne(String database) throws Exception {
        ModelRegistry registry = registry(database);

        ModelVersion d1 = registry.startTraining("default", "{\"k\":50}");
        ModelVersion d2 = registry.startTraining("default", null);
        ModelVersion p1 = registry.startTraining("pop", null);
        ModelVersion d3 = registry.startTraining("default", null);

        assertThat(d1.version()).isEqualTo(1);
        assertThat(d1.label()).isEqualTo("default@1");
        assertThat(d1.status()).isEqualTo(Status.TRAINING);
        assertThat(d1.createdAt()).isEqualTo(T0);
        assertThat(d1.settingsJson()).isEqualTo("{\"k\":50}");
        assertThat(d1.completedAt()).isNull();
        assertThat(d1.artifact()).isNull();
        assertThat(d2.version()).isEqualTo(2);
        assertThat(p1.version()).isEqualTo(1);
        assertThat(d3.version()).isEqualTo(3);
        assertThat(registry.versions("default")).containsExactly(d3, d2, d1);
        assertThat(registry.versions()).containsExactly(d3, p1, d2, d1);
        assertThat(registry.version(d2.id())).contains(d2);
        assertThat(registry.version(d3.id() + 1000)).isEmpty();
        assertThat(registry.versions("trending")).isEmpty();
        assertThatThrownBy(() -> registry.startTraining("../default", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("strategy name");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentStartsGetDistinctNumbers(String database) throws Exception {
        ModelRegistry registry = registry(database);
        int threads = 6;
        int perThread = 5;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<ModelVersion>>> results = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                // half the threads start "trending" (a new strategy: its counter row is created under contention)
                String strategy = t % 2 == 0 ? "default" : "trending";
                results.add(pool.submit(() -> {
                    go.await();
                    List<ModelVersion> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(registry.startTraining(strategy, null));
                    }
                    return mine;
                }));
            }
            go.countDown();
            List<ModelVersion> all = new ArrayList<>();
            for (Future<List<ModelVersion>> result : results) {
                all.addAll(result.get(60, TimeUnit.SECONDS));
            }
            int each = threads / 2 * perThread;
            List<Integer> expected = IntStream.rangeClosed(1, each).boxed().collect(Collectors.toList());
            for (String strategy : new String[]{"default", "trending"}) {
                assertThat(all.stream().filter(v -> v.strategy().equals(strategy)).map(ModelVersion::version))
                        .as(strategy).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(registry.versions(strategy)).hasSize(each);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aDeletedVersionsNumberIsNotGivenAgain(String database) throws Exception {
        ModelRegistry registry = registry(database);
        registry.startTraining("pop", null);
        ModelVersion second = registry.startTraining("pop", null);

        assertThat(registry.delete(second.id())).isTrue();

        assertThat(registry.startTraining("pop", null).version()).isEqualTo(3);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void completingStoresTheArtifactAndSummary(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion started = registry.startTraining("also-bought", "{}");
        clock.advance(Duration.ofSeconds(30));
        registry.reportProgress(started.id(), 0.5, "neighbours computed");

        ModelVersion halfway = registry.version(started.id()).get();
        assertThat(halfway.progress()).isEqualTo(0.5);
        assertThat(halfway.message()).isEqualTo("neighbours computed");
        assertThat(halfway.status()).isEqualTo(Status.TRAINING);

        clock.advance(Duration.ofSeconds(30));
        byte[] artifact = model("also-bought v1");
        TrainingSummary summary = TrainingSummary.builder()
                .metricsJson("{\"hr@10\":0.0901}")
                .provenanceJson("{\"trainer\":\"item-knn\",\"code\":\"0.1.0\"}")
                .dataWindow(Instant.parse("2026-08-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z"))
                .trainSeconds(59.25)
                .itemCount(3684)
                .build();
        ModelVersion ready = registry.completeTraining(started.id(), artifact, summary);

        assertThat(ready.status()).isEqualTo(Status.READY);
        assertThat(ready.createdAt()).isEqualTo(T0);
        assertThat(ready.completedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(ready.metricsJson()).isEqualTo("{\"hr@10\":0.0901}");
        assertThat(ready.provenanceJson()).isEqualTo("{\"trainer\":\"item-knn\",\"code\":\"0.1.0\"}");
        assertThat(ready.settingsJson()).isEqualTo("{}");
        assertThat(ready.dataFrom()).isEqualTo(Instant.parse("2026-08-01T00:00:00Z"));
        assertThat(ready.dataTo()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(ready.trainSeconds()).isEqualTo(59.25);
        assertThat(ready.itemCount()).isEqualTo(3684);
        assertThat(ready.progress()).isEqualTo(1.0);
        assertThat(ready.artifact().fileName()).isEqualTo("also-bought-v1.onnx");
        assertThat(ready.artifact().sha256()).isEqualTo(ModelArtifactStoreTest.sha256(artifact));
        assertThat(ready.artifact().bytes()).isEqualTo(artifact.length);
        assertThat(registry.version(started.id())).contains(ready);
        assertThat(filesInStore()).containsExactly("also-bought-v1.onnx");
        try (InputStream in = registry.openArtifact(ready)) {
            assertThat(ModelArtifactStoreTest.readAll(in)).isEqualTo(artifact);
        }
        assertThat(Files.readAllBytes(registry.artifactPath(ready))).isEqualTo(artifact);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void completingFromAFileCopiesIt(String database) throws Exception {
        ModelRegistry registry = registry(database);
        Path exported = root.resolve("scratch.onnx");
        Files.write(exported, model("exported"));
        ModelVersion started = registry.startTraining("content", null);

        ModelVersion ready = registry.completeTraining(started.id(), exported, TrainingSummary.empty());

        assertThat(Files.readAllBytes(registry.artifactPath(ready))).isEqualTo(model("exported"));
        assertThat(exported).exists();
        assertThat(ready.metricsJson()).isNull();
        assertThat(ready.itemCount()).isNull();
        assertThat(ready.trainSeconds()).isNull();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCancelledRunCannotCompleteAndLeavesNoFile(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion started = registry.startTraining("default", null);
        clock.advance(Duration.ofMinutes(2));

        registry.failTraining(started.id(), "cancelled by admin");

        ModelVersion failed = registry.version(started.id()).get();
        assertThat(failed.status()).isEqualTo(Status.FAILED);
        assertThat(failed.message()).isEqualTo("cancelled by admin");
        assertThat(failed.completedAt()).isEqualTo(T0.plusSeconds(120));
        assertThatThrownBy(() -> registry.completeTraining(started.id(), model("late"), TrainingSummary.empty()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("default@1")
                .hasMessageContaining("FAILED, not TRAINING");
        assertThat(filesInStore()).isEmpty();
        assertThatThrownBy(() -> registry.reportProgress(started.id(), 0.9, "still going"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FAILED");
        registry.failTraining(started.id(), "second reason");
        assertThat(registry.version(started.id()).get().message()).as("first reason kept")
                .isEqualTo("cancelled by admin");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void finishedVersionsCannotFailAndUnknownIdsAreNamed(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion ready = ready(registry, "pop");

        assertThatThrownBy(() -> registry.failTraining(ready.id(), "oops"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("READY");
        assertThat(registry.version(ready.id())).contains(ready);
        long unknown = ready.id() + 1000;
        assertThatThrownBy(() -> registry.failTraining(unknown, "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No model version with id " + unknown);
        assertThatThrownBy(() -> registry.reportProgress(unknown, 0.1, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No model version with id " + unknown);
        assertThatThrownBy(() -> registry.completeTraining(unknown, model("x"), TrainingSummary.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("No model version with id " + unknown);
        assertThatThrownBy(() -> registry.reportProgress(ready.id(), 1.5, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0, 1]");
        assertThatThrownBy(() -> registry.reportProgress(ready.id(), Double.NaN, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void longMessagesAreCut(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion started = registry.startTraining("default", null);
        StringBuilder trace = new StringBuilder();
        while (trace.length() < 5000) {
            trace.append("at io.shelfwise.Trainer.train(Trainer.java:42)\n");
        }

        registry.failTraining(started.id(), trace.toString());

        assertThat(registry.version(started.id()).get().message()).hasSize(2000).isEqualTo(trace.substring(0, 2000));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void recoveryFailsWhatAStoppedProcessLeftTraining(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion done = ready(registry, "default");
        ModelVersion failed = registry.startTraining("default", null);
        registry.failTraining(failed.id(), "out of memory");
        ModelVersion left1 = registry.startTraining("default", null);
        ModelVersion left2 = registry.startTraining("pop", null);
        Files.write(storeDir.resolve(".default-v3.onnx.5551212.tmp"), model("half"));
        Files.write(storeDir.resolve("pop-v1.onnx"), model("stored, never marked READY"));
        clock.advance(Duration.ofHours(1));

        assertThat(registry.recoverInterrupted()).isEqualTo(2);

        for (ModelVersion left : new ModelVersion[]{left1, left2}) {
            ModelVersion now = registry.version(left.id()).get();
            assertThat(now.status()).isEqualTo(Status.FAILED);
            assertThat(now.message()).isEqualTo("interrupted");
            assertThat(now.completedAt()).isEqualTo(T0.plusSeconds(3600));
        }
        assertThat(registry.version(done.id())).contains(done);
        assertThat(registry.version(failed.id()).get().message()).isEqualTo("out of memory");
        assertThat(filesInStore()).containsExactly("default-v1.onnx");
        assertThat(registry.recoverInterrupted()).isZero();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theLatestActivationServesAndHistoryIsKept(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion v1 = ready(registry, "default");
        ModelVersion v2 = ready(registry, "default");
        ModelVersion pop = ready(registry, "pop");
        assertThat(registry.active(HOME)).isEmpty();
        assertThat(registry.activePlacements()).isEmpty();

        registry.activate(HOME, v1.id(), "alice");
        clock.advance(Duration.ofMinutes(5));
        registry.activate(HOME, v2.id(), "bob");
        registry.activate(PDP, pop.id(), "scheduler");

        assertThat(registry.active(HOME)).contains(v2);
        assertThat(registry.active(PDP)).contains(pop);
        Map<String, ModelVersion> active = registry.activePlacements();
        assertThat(active).containsOnlyKeys(HOME, PDP);
        assertThat(active.get(HOME)).isEqualTo(v2);
        assertThat(active.get(PDP)).isEqualTo(pop);
        List<Activation> history = registry.activations(HOME);
        assertThat(history).extracting(Activation::versionId).containsExactly(v2.id(), v1.id());
        assertThat(history).extracting(Activation::activatedBy).containsExactly("bob", "alice");
        assertThat(history).extracting(Activation::activatedAt).containsExactly(T0.plusSeconds(300), T0);
        assertThat(history).extracting(Activation::reason).containsOnly(Reason.ACTIVATE);
        assertThat(history.get(0).label()).isEqualTo("default@2");
        assertThat(history.get(0).placement()).isEqualTo(HOME);
        assertThat(registry.activations("nowhere")).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyReadyVersionsCanBeActivated(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion training = registry.startTraining("default", null);
        ModelVersion failed = registry.startTraining("default", null);
        registry.failTraining(failed.id(), "no events in window");
        ModelVersion ready = ready(registry, "default");

        assertThatThrownBy(() -> registry.activate(HOME, training.id(), "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Only a READY model version can be activated; default@1 (#" + training.id() + ") is TRAINING");
        assertThatThrownBy(() -> registry.activate(HOME, failed.id(), "alice"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is FAILED (no events in window)");
        assertThatThrownBy(() -> registry.activate(HOME, ready.id() + 1000, "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No model version with id");
        assertThatThrownBy(() -> registry.activate("../home", ready.id(), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("placement name");
        assertThatThrownBy(() -> registry.activate(HOME, ready.id(), " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("who acts");
        assertThat(registry.activations(HOME)).isEmpty();
        assertThat(registry.active(HOME)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rollbacksStepBackThroughTheHistory(String database) throws Exception {
        ModelRegistry registry = registry(database);
        List<ModelVersion> v = activatedOneByOne(registry, 3);
        ModelVersion v1 = v.get(0);
        ModelVersion v2 = v.get(1);
        ModelVersion v3 = v.get(2);

        assertThat(registry.rollback(HOME, "bob")).isEqualTo(v2);
        assertThat(registry.active(HOME)).contains(v2);
        assertThat(registry.rollback(HOME, "bob")).isEqualTo(v1);
        assertThat(registry.active(HOME)).contains(v1);
        assertThatThrownBy(() -> registry.rollback(HOME, "bob"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no earlier model version to roll back to (it serves default@1");

        List<Activation> history = registry.activations(HOME);
        assertThat(history).extracting(Activation::label)
                .containsExactly("default@1", "default@2", "default@3", "default@2", "default@1");
        assertThat(history).extracting(Activation::reason)
                .containsExactly(Reason.ROLLBACK, Reason.ROLLBACK, Reason.ACTIVATE, Reason.ACTIVATE, Reason.ACTIVATE);
        assertThat(history.get(0).activatedBy()).isEqualTo("bob");

        // a new activation after rollbacks: rolling back returns to where it was activated from
        registry.activate(HOME, v3.id(), "carol");
        assertThat(registry.rollback(HOME, "carol")).isEqualTo(v1);
        assertThatThrownBy(() -> registry.rollback(PDP, "bob"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never had a model version");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rollbackSkipsDeletedVersionsAndTheCurrentOne(String database) throws Exception {
        ModelRegistry registry = registry(database);
        List<ModelVersion> v = activatedOneByOne(registry, 3);
        ModelVersion v1 = v.get(0);
        ModelVersion v2 = v.get(1);
        ModelVersion v3 = v.get(2);
        registry.activate(HOME, v3.id(), "alice");

        assertThat(registry.delete(v2.id())).isTrue();

        assertThat(registry.rollback(HOME, "bob")).isEqualTo(v1);
        Activation deleted = registry.activations(HOME).get(3);
        assertThat(deleted.versionDeleted()).isTrue();
        assertThat(deleted.versionId()).isNull();
        assertThat(deleted.label()).as("history still says what served").isEqualTo("default@2");
        assertThat(deleted.activatedBy()).isEqualTo("alice");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anActiveVersionCannotBeDeleted(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion v1 = ready(registry, "default");
        ModelVersion v2 = ready(registry, "default");
        registry.activate(HOME, v1.id(), "alice");
        registry.activate(PDP, v1.id(), "alice");

        assertThatThrownBy(() -> registry.delete(v1.id()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Model version default@1 (#" + v1.id() + ") is active on " + HOME + ", " + PDP
                        + ": activate another version there (or roll back) first");
        assertThat(registry.version(v1.id())).contains(v1);
        assertThat(filesInStore()).containsExactly("default-v1.onnx", "default-v2.onnx");
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeUpdate("DELETE FROM SW_MODEL_VERSION WHERE ID = " + v1.id()))
                    .as("the database itself keeps a served version").isInstanceOf(SQLException.class);
        }

        registry.activate(HOME, v2.id(), "alice");
        registry.activate(PDP, v2.id(), "alice");
        assertThat(registry.delete(v1.id())).isTrue();

        assertThat(registry.version(v1.id())).isEmpty();
        assertThat(filesInStore()).containsExactly("default-v2.onnx");
        assertThat(registry.delete(v1.id())).isFalse();
        assertThat(registry.activations(HOME)).extracting(Activation::versionId).containsExactly(v2.id(), null);
        assertThat(registry.activations(HOME)).extracting(Activation::label).containsExactly("default@2", "default@1");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aChangedArtifactIsNotServed(String database) throws Exception {
        ModelRegistry registry = registry(database);
        ModelVersion ready = ready(registry, "default");
        Path file = storeDir.resolve(ready.artifact().fileName());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x20;
        Files.write(file, bytes);

        assertThatThrownBy(() -> registry.artifactPath(ready))
                .isInstanceOf(CorruptArtifactException.class)
                .hasMessageContaining("default-v1.onnx is corrupt: expected SHA-256 " + ready.artifact().sha256());
        try (InputStream in = registry.openArtifact(ready)) {
            assertThatThrownBy(() -> ModelArtifactStoreTest.readAll(in)).isInstanceOf(CorruptArtifactException.class);
        }
        Files.delete(file);
        assertThatThrownBy(() -> registry.openArtifact(ready))
                .isInstanceOf(CorruptArtifactException.class).hasMessageContaining("default-v1.onnx is missing");
        ModelVersion training = registry.startTraining("default", null);
        assertThatThrownBy(() -> registry.openArtifact(training))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only a READY version");
    }

    @Test
    void anUnreachableDatabaseIsNamedWithTheOperation() throws Exception {
        ModelRegistry registry = registry(failingAfter(TestDatabases.hsqldb(), new AtomicInteger(0)));

        assertThatThrownBy(() -> registry.startTraining("default", null))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Model registry: cannot start training default: connection refused")
                .hasCauseInstanceOf(SQLException.class);
        assertThatThrownBy(() -> registry.activate(HOME, 7, "alice"))
                .isInstanceOf(RegistryException.class)
                .hasMessageStartingWith("Model registry: cannot activate model version 7 on home-for-you");
        assertThatThrownBy(() -> registry.active(HOME))
                .isInstanceOf(RegistryException.class).hasMessageContaining("active version of home-for-you");
        assertThatThrownBy(() -> registry.rollback(HOME, "bob"))
                .isInstanceOf(RegistryException.class).hasMessageContaining("roll back home-for-you");
        assertThatThrownBy(registry::recoverInterrupted)
                .isInstanceOf(RegistryException.class).hasMessageContaining("recover interrupted training");
        assertThatThrownBy(() -> registry.delete(7))
                .isInstanceOf(RegistryException.class).hasMessageContaining("delete model version 7");
    }

    @Test
    void aCompletionTheDatabaseRefusesLeavesNoArtifactAndTheRunTraining() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        AtomicInteger connections = new AtomicInteger(Integer.MAX_VALUE);
        ModelRegistry registry = registry(failingAfter(ds, connections));
        ModelVersion started = registry.startTraining("default", null);

        connections.set(1); // the status check gets through, the update does not
        assertThatThrownBy(() -> registry.completeTraining(started.id(), model("x"), TrainingSummary.empty()))
                .isInstanceOf(RegistryException.class).hasMessageContaining("cannot complete training of default@1");

        assertThat(filesInStore()).isEmpty();
        connections.set(Integer.MAX_VALUE);
        assertThat(registry.version(started.id()).get().status()).isEqualTo(Status.TRAINING);
    }

    /** A data source that hands out {@code remaining} connections, then refuses. */
    private static DataSource failingAfter(DataSource real, AtomicInteger remaining) {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[]{DataSource.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && remaining.getAndDecrement() <= 0) {
                        throw new SQLException("connection refused", "08001");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
