package io.shelfwise.recommend.training;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;
import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.NeighbourTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;
import io.shelfwise.recommend.eval.RankingMetrics;
import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.OnnxNeighbourModel;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.onnx.SequenceGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceModelTrainer;
import io.shelfwise.recommend.serve.ServingModels;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tribuo.provenance.ModelProvenance;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Trains recommenders from the captured history in the background and puts them into service: each run reads a
 * window of events, measures the model offline (leave-one-out, full ranking), trains it on everything, exports
 * ONNX with provenance, proves the artifact loads, stores it in the {@link ModelRegistry} and, when asked,
 * activates it. Whatever fails (no data, a crash midway, a corrupt artifact, a cancelled run) leaves the run
 * FAILED with the reason, and the active model serving. Runs one training at a time. Thread-safe.
 */
public final class RecommenderTraining implements AutoCloseable {

    /** Fewer distinct products than this in a strategy's history is no model: its placements fall back. */
    static final int MIN_ITEMS = 10;

    /** Reads the histories a strategy trains on from the events in {@code [from, to)}. */
    public interface HistoryLoader {
        InteractionData load(String strategy, Instant from, Instant to);

        /** When the latest history occurred, or {@code null} for now: training reads the window before it. */
        default Instant latest() {
            return null;
        }
    }

    /** Who trains a strategy, and with which settings (recorded as provenance). */
    public interface TrainerCatalogue {
        /** The trainer for a strategy; throws IllegalArgumentException when the strategy is unknown. */
        NeighbourTrainer trainerFor(String strategy);

        Map<String, Object> settingsOf(String strategy);

        /**
         * The trainer to use on {@code data}, chosen on its validation targets where the strategy tunes;
         * {@code settings} is updated to what was chosen.
         */
        default NeighbourTrainer tuned(String strategy, InteractionData data, Map<String, Object> settings)
                throws InterruptedException {
            return trainerFor(strategy);
        }

        /**
         * The trainer of a sequence strategy ({@code gru}, {@code sasrec}), or {@code null} when the strategy trains
         * a neighbour model (the default: none).
         */
        default SequenceModelTrainer sequenceTrainerFor(String strategy) {
            return null;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RecommenderTraining.class);
    private static final int METRICS_K = 10;

    private final ModelRegistry registry;
    private final ServingModels serving;
    private final HistoryLoader loader;
    private final TrainerCatalogue trainers;
    private final Clock clock;
    private final Duration window;
    private final ExecutorService worker;
    private final ScheduledExecutorService scheduler;
    private final JsonMapper json = JsonMapper.builder().build();

    private RecommenderTraining(Builder b) {
        this.registry = b.registry;
        this.serving = b.serving;
        this.loader = b.loader;
        this.trainers = b.trainers;
        this.clock = b.clock;
        this.window = b.window;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "shelfwise-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shelfwise-training-schedule");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(ModelRegistry registry, ServingModels serving, HistoryLoader loader,
                                  TrainerCatalogue trainers) {
        return new Builder(registry, serving, loader, trainers);
    }

    /**
     * Fails what a previous process left training. Call once, at start-up, in the one process that trains.
     *
     * @return the number of runs marked FAILED
     */
    public int start() {
        int interrupted = registry.recoverInterrupted();
        if (interrupted > 0) {
            LOG.warn("Shelfwise: " + interrupted + " training run(s) were interrupted by a stop and are marked FAILED");
        }
        return interrupted;
    }

    /**
     * Trains, once, each of {@code strategies} that has no active model, as soon as there is history to learn
     * from: when {@code eventCount} is above zero and grew by at most 1% (or 10 events) over one
     * {@code checkEvery}, so an import in progress is not trained on halfway while a store with live shoppers,
     * whose count never stands still, still gets its first models. Checks until every strategy has been started
     * once.
     */
    public void bootstrap(List<String> strategies, LongSupplier eventCount, Duration checkEvery) {
        Set<String> pending = new LinkedHashSet<>(strategies);
        long[] last = {-1};
        long millis = checkEvery.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            if (pending.isEmpty()) {
                return;
            }
            try {
                long count = eventCount.getAsLong();
                boolean settled = count > 0 && last[0] >= 0 && count - last[0] <= Math.max(10, last[0] / 100);
                last[0] = count;
                if (!settled) {
                    return;
                }
                for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
                    String strategy = it.next();
                    if (!registry.active(strategy).isPresent()) {
                        trainNow(strategy, "bootstrap", true);
                    }
                    it.remove();
                }
            } catch (RuntimeException e) {
                LOG.warn("Shelfwise: bootstrap training is waiting (" + e.getMessage() + ")");
            }
        }, 0, millis, TimeUnit.MILLISECONDS);
    }

    /** Retrains {@code strategies} every {@code interval}, activating each new version on its strategy's slot. */
    public void schedule(List<String> strategies, Duration interval) {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            for (String strategy : strategies) {
                try {
                    trainNow(strategy, "scheduler", true);
                } catch (RuntimeException e) {
                    LOG.error("Shelfwise: scheduled training of " + strategy + " could not start: " + e.getMessage());
                }
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts training a new version of {@code strategy} in the background; follow it through the registry
     * (status, progress, message).
     *
     * @param activate put the new version into service on the strategy's slot when it is ready
     * @return the new version, TRAINING
     * @throws IllegalArgumentException if the strategy is unknown
     */
    public ModelVersion trainNow(String strategy, String requestedBy, boolean activate) {
        if (trainers.sequenceTrainerFor(strategy) == null) {
            trainers.trainerFor(strategy);
        }
        Map<String, Object> settings = trainers.settingsOf(strategy);
        ModelVersion version = registry.startTraining(strategy, write(settings));
        worker.submit(() -> run(version, settings, requestedBy, activate));
        return version;
    }

    /** Cancels a run: it is marked FAILED at once and its work is dropped at its next progress report. */
    public void cancel(long versionId, String by) {
        registry.failTraining(versionId, "cancelled by " + by);
    }

    /**
     * Validates a READY version's artifact by loading it, then makes it serve {@code slot}. If it does not load,
     * nothing changes.
     *
     * @throws IllegalStateException if the version cannot be served, saying why
     */
    public void activate(String slot, long versionId, String by) {
        ModelVersion version = registry.version(versionId)
                .orElseThrow(() -> new IllegalArgumentException("No model version " + versionId));
        try {
            RankingModel model = load(version);
            registry.activate(slot, versionId, by);
            serving.activate(slot, version.label(), model);
        } catch (IOException | ModelLoadException e) {
            throw new IllegalStateException("Version " + version.label() + " cannot be served: " + e.getMessage(), e);
        }
    }

    /** Returns a slot to its previous version, validated the same way. */
    public ModelVersion rollback(String slot, String by) {
        Optional<ModelVersion> current = registry.active(slot);
        ModelVersion previous = registry.rollback(slot, by);
        try {
            serve(slot, previous);
            return previous;
        } catch (IOException | ModelLoadException e) {
            current.ifPresent(v -> registry.activate(slot, v.id(), "rollback-undone"));
            throw new IllegalStateException("Version " + previous.label() + " cannot be served, rollback undone: "
                    + e.getMessage(), e);
        }
    }

    /** When the data read begins: its first event, or {@code from} when the data carries no times. */
    static Instant firstEvent(InteractionData data, Instant from) {
        if (!data.hasTimes()) {
            return from;
        }
        long first = Long.MAX_VALUE;
        for (int u = 0; u < data.numUsers(); u++) {
            long[] times = data.times(u);
            if (times != null && times.length > 0) {
                first = Math.min(first, times[0]);
            }
        }
        return first == Long.MAX_VALUE || Instant.ofEpochSecond(first).isBefore(from) ? from
                : Instant.ofEpochSecond(first);
    }

    private void serve(String slot, ModelVersion version) throws IOException, ModelLoadException {
        serving.activate(slot, version.label(), load(version));
    }

    private RankingModel load(ModelVersion version) throws IOException, ModelLoadException {
        return ActiveModelSync.load(registry, version);
    }

    private void run(ModelVersion version, Map<String, Object> settings, String by,
                     boolean activate) {
        long started = System.nanoTime();
        try {
            Instant latest = loader.latest();
            Instant now = clock.instant();
            // the window ends now, or at the latest event if the store has been quiet longer than that
            Instant to = latest == null || latest.isAfter(now) ? now : latest.plusSeconds(1);
            Instant from = to.minus(window);
            registry.reportProgress(version.id(), 0.05, "reading events " + from + " .. " + to);
            InteractionData data = loader.load(version.strategy(), from, to);
            if (data.numUsers() == 0 || data.numItems() == 0) {
                throw new IllegalStateException("no events to learn from in " + from + " .. " + to);
            }
            if (data.numItems() < MIN_ITEMS) {
                // a model of one or two products would push out the fallbacks that know the whole catalogue
                throw new IllegalStateException("too little history to learn from in " + from + " .. " + to + ": "
                        + data.numItems() + " product(s), at least " + MIN_ITEMS + " needed");
            }
            String source = "event store " + from + " .. " + to;
            SequenceModelTrainer sequence = trainers.sequenceTrainerFor(version.strategy());
            Artifact artifact = sequence != null ? sequenceArtifact(version, sequence, data, source)
                    : neighbourArtifact(version, data, settings, source);
            byte[] onnx = artifact.onnx;
            Map<String, Object> metrics = artifact.metrics;
            ModelProvenance provenance = artifact.provenance;
            registry.reportProgress(version.id(), 0.95, "storing the artifact");
            double seconds = (System.nanoTime() - started) / 1e9;
            ModelVersion ready = registry.completeTraining(version.id(), onnx, TrainingSummary.builder()
                    .metricsJson(write(metrics))
                    .provenanceJson(write(ProvenanceUtil.convertToMap(provenance)))
                    .dataWindow(firstEvent(data, from), to)
                    .trainSeconds(seconds)
                    .itemCount(data.numItems())
                    .build());
            LOG.info("Shelfwise: trained " + ready.label() + " in " + String.format("%.1f", seconds) + " s: " + metrics);
            if (activate) {
                activate(version.strategy(), ready.id(), by);
            }
        } catch (Throwable e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            LOG.warn("Shelfwise: training " + version.label() + " failed: " + reason);
            try {
                if (registry.version(version.id()).map(v -> v.status() == ModelVersion.Status.TRAINING)
                        .orElse(false)) {
                    registry.failTraining(version.id(), reason);
                }
            } catch (RuntimeException unrecorded) {
                LOG.error("Shelfwise: cannot record that " + version.label() + " failed (the registry marks it "
                        + "FAILED at the next start): " + unrecorded.getMessage());
            }
        }
    }

    /** Tunes, measures, trains and exports a neighbour model. */
    private Artifact neighbourArtifact(ModelVersion version, InteractionData data, Map<String, Object> settings,
                                       String source) throws InterruptedException, ModelLoadException {
        registry.reportProgress(version.id(), 0.1, "choosing settings on validation targets");
        Map<String, Object> chosen = new LinkedHashMap<>(settings);
        NeighbourTrainer tunedTrainer = trainers.tuned(version.strategy(), data, chosen);
        registry.reportProgress(version.id(), 0.4, "measuring on held-out last items of "
                + data.numUsers() + " shoppers");
        Map<String, Object> metrics = measure(tunedTrainer, data);
        metrics.put("settings", chosen);
        registry.reportProgress(version.id(), 0.55, "training on " + data.size() + " interactions");
        NeighbourModel model = tunedTrainer.train(data);
        registry.reportProgress(version.id(), 0.8, "exporting to ONNX");
        ModelProvenance provenance = TrainingProvenance.of(model, data, source,
                tunedTrainer.getClass(), chosen, clock);
        byte[] onnx = NeighbourGraph.export(model, provenance).toByteArray();
        OnnxNeighbourModel.load(onnx).close();
        return new Artifact(onnx, metrics, provenance);
    }

    /**
     * Trains a sequence model (PyTorch, optional dependency) and exports it. Training holds out each shopper's last
     * item for early stopping, so the model is measured on exactly those items and the measured model is the one
     * served. Each epoch reports progress, so a cancelled run stops after the epoch it is in.
     */
    private Artifact sequenceArtifact(ModelVersion version, SequenceModelTrainer trainer, InteractionData data,
                                      String source) throws InterruptedException, ModelLoadException {
        registry.reportProgress(version.id(), 0.1, "training " + trainer.name() + " on " + data.size()
                + " interactions");
        SequenceModel model = trainer.train(data, line -> registry.reportProgress(version.id(), 0.5, line));
        registry.reportProgress(version.id(), 0.8, "measuring on held-out last items of " + data.numUsers()
                + " shoppers");
        LeaveOneOut.Phase test = LeaveOneOut.test(data);
        Map<String, Object> metrics = metrics(new FullRankingEvaluator(METRICS_K, 1).evaluate(model,
                test.histories, test.targets, done -> {
                }), data);
        metrics.put("settings", trainer.settings().asMap());
        registry.reportProgress(version.id(), 0.9, "exporting to ONNX");
        ModelProvenance provenance = TrainingProvenance.of(model, data, source, trainer.getClass(), clock);
        byte[] onnx = SequenceGraph.export(model, provenance).toByteArray();
        RankingModels.load(onnx).close();
        return new Artifact(onnx, metrics, provenance);
    }

    /** What a run stores: the ONNX bytes, the held-out metrics and the provenance. */
    private static final class Artifact {
        final byte[] onnx;
        final Map<String, Object> metrics;
        final ModelProvenance provenance;

        Artifact(byte[] onnx, Map<String, Object> metrics, ModelProvenance provenance) {
            this.onnx = onnx;
            this.metrics = metrics;
            this.provenance = provenance;
        }
    }

    /** HR, NDCG, MRR and coverage at 10 of the trainer on each shopper's held-out last item. */
    private Map<String, Object> measure(NeighbourTrainer trainer, InteractionData data) throws InterruptedException {
        LeaveOneOut.Phase test = LeaveOneOut.test(data);
        return metrics(new FullRankingEvaluator(METRICS_K, 1).evaluate(trainer.train(test.train),
                test.histories, test.targets, done -> {
                }), data);
    }

    private static Map<String, Object> metrics(RankingMetrics metrics, InteractionData data) {
        Map<String, Object> out = new LinkedHashMap<>(metrics.asMap());
        out.put("users", metrics.users());
        out.put("items", data.numItems());
        out.put("interactions", data.size());
        out.put("protocol", "leave-one-out");
        return out;
    }

    private String write(Object value) {
        return json.writeValueAsString(value);
    }

    /** Waits until every run started so far has finished (or failed). */
    public void awaitIdle(long timeout, TimeUnit unit) throws Exception {
        Future<?> marker = worker.submit(() -> {
        });
        marker.get(timeout, unit);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        worker.shutdownNow();
    }

    /** Builds a {@link RecommenderTraining}. */
    public static final class Builder {
        private final ModelRegistry registry;
        private final ServingModels serving;
        private final HistoryLoader loader;
        private final TrainerCatalogue trainers;
        private Clock clock = Clock.systemUTC();
        private Duration window = Duration.ofDays(365);

        private Builder(ModelRegistry registry, ServingModels serving, HistoryLoader loader,
                        TrainerCatalogue trainers) {
            this.registry = Objects.requireNonNull(registry, "registry");
            this.serving = Objects.requireNonNull(serving, "serving");
            this.loader = Objects.requireNonNull(loader, "loader");
            this.trainers = Objects.requireNonNull(trainers, "trainers");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** How far back training reads events. */
        public Builder window(Duration value) {
            if (value.isZero() || value.isNegative()) {
                throw new IllegalArgumentException("The training window must be positive, was " + value);
            }
            this.window = value;
            return this;
        }

        public RecommenderTraining build() {
            return new RecommenderTraining(this);
        }
    }
}
