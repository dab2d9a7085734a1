package io.shelfwise.cli;

import io.shelfwise.recommend.algo.ItemScorer;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.ScorerTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.SyntheticInteractions;
import io.shelfwise.recommend.training.StandardTrainers;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * {@code shelfwise bench train}: how long the {@code default} model takes to train (with fixed settings, and as a
 * store's training run does it, validation tuning included: {@code default-tuned}), and how much memory the trained
 * model holds, with popularity ({@code pop}) trained in the same process as the yardstick for a shared, noisy
 * machine.
 * <pre>
 * bench train [--interactions 1000000] [--items 50000] [--seed 42] [--dataset sequences:PATH|interactions:PATH]
 *             [--runs 1] [--out train-bench.json]
 * </pre>
 * Without {@code --dataset} the histories are {@link SyntheticInteractions} with its defaults for everything but
 * size and seed. Each model is trained {@code --runs} times (alternating, pop first) and the fastest run is
 * reported. Memory is given twice: {@code modelBytes} estimated from the model's arrays (64-bit JVM, compressed
 * references: 16-byte array headers, 8-byte alignment; item ids are not counted, the catalogue owns them), and
 * {@code retainedHeapBytes} measured as used heap after a full GC with the model held, minus the same before
 * training.
 */
final class TrainBenchCommand {

    /** The default model's settings as tuned on amazon-beauty (docs/evaluation.md). */
    static final double DEFAULT_DECAY = 0.35;
    static final double DEFAULT_ALPHA = 0.85;
    static final double DEFAULT_TRANSITIONS = 4;

    /**
     * {@code default-tuned} is what a store's training run does: the validation tuning of {@code default} (see
     * {@link io.shelfwise.recommend.algo.DefaultModel}), then training with the chosen settings, timed together.
     */
    private static final List<String> MODELS = Arrays.asList("pop", "default", "default-tuned");

    private final PrintStream out;
    private final PrintStream err;
    private final LongSupplier nanoTime;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    TrainBenchCommand(PrintStream out, PrintStream err, LongSupplier nanoTime) {
        this.out = out;
        this.err = err;
        this.nanoTime = nanoTime;
    }

    int run(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = Options.parse(args, Arrays.asList("interactions", "items", "seed", "dataset",
                "runs", "out"));
        int interactions = Options.integer(options, "interactions", 1_000_000, 1, 200_000_000);
        int items = Options.integer(options, "items", 50_000, 1, 50_000_000);
        int seed = Options.integer(options, "seed", 42, Integer.MIN_VALUE, Integer.MAX_VALUE);
        int runs = Options.integer(options, "runs", 1, 1, 100);
        Path report = Paths.get(options.getOrDefault("out", "train-bench.json"));
        String dataset = options.get("dataset");
        if (dataset != null && (options.containsKey("interactions") || options.containsKey("items")
                || options.containsKey("seed"))) {
            throw new UsageException("--dataset benchmarks a file; --interactions, --items and --seed are for "
                    + "synthetic data, give one or the other");
        }

        long start = nanoTime.getAsLong();
        InteractionData data;
        Map<String, Object> json = new LinkedHashMap<>();
        if (dataset == null) {
            SyntheticInteractions synthetic = SyntheticInteractions.builder().interactions(interactions).items(items)
                    .seed(seed).build();
            err.println("Generating " + synthetic);
            data = synthetic.generate();
            json.put("source", "synthetic");
            json.put("seed", seed);
            json.put("clusters", synthetic.clusters());
        } else {
            data = EvalCommand.load(dataset);
            json.put("source", dataset);
        }
        double loadSeconds = seconds(start);
        err.printf(Locale.ROOT, "%d users, %d items, %d interactions (%.1f s)%n", data.numUsers(), data.numItems(),
                data.size(), loadSeconds);
        json.put("interactions", data.size());
        json.put("items", data.numItems());
        json.put("users", data.numUsers());
        json.put(dataset == null ? "generateSeconds" : "loadSeconds", EvalCommand.round(loadSeconds, 3));
        json.put("runs", runs);
        json.put("machine", machine());

        Map<String, List<Double>> times = new LinkedHashMap<>();
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        for (String name : MODELS) {
            times.put(name, new ArrayList<>());
        }
        for (int r = 0; r < runs; r++) {
            for (String name : MODELS) {
                long before = usedHeapAfterGc();
                long t0 = nanoTime.getAsLong();
                ScorerTrainer trainer = name.equals("default-tuned")
                        ? new StandardTrainers().tuned("default", data, new LinkedHashMap<String, Object>())
                        : trainerFor(name);
                ItemScorer scorer = trainer.train(data);
                double trainSeconds = seconds(t0);
                long retained = usedHeapAfterGc() - before;
                times.get(name).add(trainSeconds);
                err.printf(Locale.ROOT, "run %d: %-8s %8.2f s%n", r + 1, name, trainSeconds);
                results.put(name, describe(name, (NeighbourModel) scorer, retained));
            }
        }
        double popSeconds = best(times.get("pop"));
        List<Map<String, Object>> models = new ArrayList<>();
        for (String name : MODELS) {
            Map<String, Object> entry = new LinkedHashMap<>();
            double trainSeconds = best(times.get(name));
            entry.put("name", name);
            entry.put("trainSeconds", EvalCommand.round(trainSeconds, 3));
            entry.put("trainSecondsRuns", rounded(times.get(name)));
            entry.put("trainSecondsVsPop", EvalCommand.round(trainSeconds / Math.max(popSeconds, 1e-6), 1));
            entry.putAll(results.get(name));
            models.add(entry);
        }
        json.put("models", models);

        if (report.toAbsolutePath().getParent() != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(report.toFile(), json);
        printTable(models);
        out.println("Report: " + report);
        return 0;
    }

    static ScorerTrainer trainerFor(String name) {
        return EvalCommand.trainerFor(name, DEFAULT_DECAY, DEFAULT_ALPHA, DEFAULT_TRANSITIONS);
    }

    private Map<String, Object> describe(String name, NeighbourModel model, long retained) {
        long neighbours = 0;
        for (int i = 0; i < model.numItems(); i++) {
            neighbours += model.neighbourIds(i).length;
        }
        long bytes = modelBytes(model);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("modelBytes", bytes);
        entry.put("bytesPer10kItems", Math.round(bytes * 10_000.0 / Math.max(1, model.numItems())));
        entry.put("retainedHeapBytes", retained);
        entry.put("neighbours", neighbours);
        entry.put("meanNeighbours", EvalCommand.round((double) neighbours / Math.max(1, model.numItems()), 1));
        entry.put("maxNeighbours", model.maxNeighbours());
        if (name.equals("default")) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("recencyDecay", DEFAULT_DECAY);
            settings.put("alpha", DEFAULT_ALPHA);
            settings.put("transitionWeight", DEFAULT_TRANSITIONS);
            entry.put("settings", settings);
        }
        return entry;
    }

    /** The heap the model's arrays take on a 64-bit JVM with compressed references (item ids not counted). */
    static long modelBytes(NeighbourModel model) {
        int n = model.numItems();
        long bytes = 2 * arrayBytes(n, 4) + arrayBytes(n, 4);
        for (int i = 0; i < n; i++) {
            bytes += arrayBytes(model.neighbourIds(i).length, 4) + arrayBytes(model.neighbourWeights(i).length, 4);
        }
        return bytes;
    }

    private static long arrayBytes(long length, int elementBytes) {
        return (16 + length * elementBytes + 7) / 8 * 8;
    }

    private long usedHeapAfterGc() {
        for (int i = 0; i < 2; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static Map<String, Object> machine() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return machine;
    }

    private void printTable(List<Map<String, Object>> models) {
        out.println();
        out.printf(Locale.ROOT, "%-10s %9s %8s %14s %14s %12s%n", "model", "train s", "vs pop", "model MB",
                "MB/10k items", "neighbours");
        for (Map<String, Object> m : models) {
            out.printf(Locale.ROOT, "%-10s %9.2f %8.1f %14.1f %14.2f %12d%n", m.get("name"), m.get("trainSeconds"),
                    m.get("trainSecondsVsPop"), ((Long) m.get("modelBytes")) / 1e6,
                    ((Long) m.get("bytesPer10kItems")) / 1e6, m.get("neighbours"));
        }
    }

    private double seconds(long since) {
        return (nanoTime.getAsLong() - since) / 1e9;
    }

    private static double best(List<Double> times) {
        double best = Double.MAX_VALUE;
        for (double t : times) {
            best = Math.min(best, t);
        }
        return best;
    }

    private static List<Double> rounded(List<Double> times) {
        List<Double> rounded = new ArrayList<>();
        for (double t : times) {
            rounded.add(EvalCommand.round(t, 3));
        }
        return rounded;
    }
}
