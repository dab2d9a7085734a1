package io.shelfwise.cli;

import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.recommend.algo.ContentTrainer;
import io.shelfwise.recommend.algo.DefaultModel;
import io.shelfwise.recommend.algo.ItemKnnTrainer;
import io.shelfwise.recommend.algo.ItemScorer;
import io.shelfwise.recommend.algo.PopularityTrainer;
import io.shelfwise.recommend.algo.ScorerTrainer;
import io.shelfwise.recommend.algo.TrendingTrainer;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.data.InteractionDataLoader;
import io.shelfwise.recommend.data.ItemContent;
import io.shelfwise.recommend.data.SyntheticInteractions;
import io.shelfwise.recommend.eval.FullRankingEvaluator;
import io.shelfwise.recommend.eval.LeaveOneOut;
import io.shelfwise.recommend.eval.RankingMetrics;
import io.shelfwise.recommend.eval.TemporalSplit;
import io.shelfwise.recommend.onnx.RankedItems;
import io.shelfwise.recommend.onnx.RankingModel;
import io.shelfwise.recommend.onnx.RankingModels;
import io.shelfwise.recommend.onnx.SequenceGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.sequence.SequenceBlend;
import io.shelfwise.recommend.sequence.SequenceModel;
import io.shelfwise.recommend.sequence.SequenceSettings;
import io.shelfwise.sequence.SequenceTrainer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shelfwise eval}: trains each requested model on a dataset and measures it with full ranking.
 * <pre>
 * eval --dataset sequences:PATH|interactions:PATH|events:JDBC_URL|events:DEMO_DATA_DIR [--attributes PATH]
 *      [--protocol leave-one-out|temporal] [--k 10] [--models default,pop,itemknn] [--out report.json]
 *      [--threads N] [--db-user USER] [--db-password PASSWORD]
 * </pre>
 * Hyper-parameters (the {@code default} model's recency decay) are chosen on validation targets only, then the
 * model is retrained on training + validation data and measured once on the test targets.
 */
final class EvalCommand {

    static final double TEMPORAL_TEST_SHARE = 0.2;
    /** {@code default+gru}, {@code default+sasrec}: the default blended with a sequence model (SequenceBlend). */
    static final String BLEND_PREFIX = "default+";

    private final PrintStream out;
    private final PrintStream err;

    EvalCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) throws IOException, InterruptedException {
        Map<String, String> options = Options.parse(args, Arrays.asList("dataset", "attributes", "protocol", "k",
                "models", "out", "threads", "db-user", "db-password"));
        String dataset = Options.required(options, "dataset");
        String protocol = options.getOrDefault("protocol", "leave-one-out");
        int k = Options.integer(options, "k", 10, 1, 1000);
        int threads = Options.integer(options, "threads", Runtime.getRuntime().availableProcessors(), 1, 256);
        List<String> models = Arrays.asList(options.getOrDefault("models", "default,pop,itemknn").split(","));
        Path report = Paths.get(options.getOrDefault("out", "report.json"));
        ItemContent content = null;
        if (options.containsKey("attributes")) {
            Path attributes = Paths.get(options.get("attributes"));
            if (!Files.isReadable(attributes)) {
                throw new UsageException("Cannot read the attributes file " + attributes.toAbsolutePath());
            }
            content = ItemContent.readAttributes(attributes);
        }
        for (String model : models) {
            if (model.trim().equals("content")) {
                if (content == null) {
                    throw new UsageException("Model 'content' needs --attributes PATH (item attributes, e.g. "
                            + "amazon-beauty/item_attributes.json)");
                }
            } else {
                trainerFor(model.trim(), 1.0, 0.5, 0);
            }
        }
        if (!protocol.equals("leave-one-out") && !protocol.equals("temporal")) {
            throw new UsageException("--protocol is leave-one-out or temporal, not '" + protocol + "'");
        }

        InteractionData data = dataset.startsWith("events:")
                ? new EventStoreDataset(err).load(dataset.substring("events:".length()),
                        options.getOrDefault("db-user", "SA"), options.getOrDefault("db-password", ""))
                : load(dataset);
        err.printf(Locale.ROOT, "Loaded %s: %d users, %d items, %d interactions%n", dataset, data.numUsers(),
                data.numItems(), data.size());
        LeaveOneOut.Phase validation = protocol.equals("temporal")
                ? TemporalSplit.validation(data, TEMPORAL_TEST_SHARE) : LeaveOneOut.validation(data);
        LeaveOneOut.Phase test = protocol.equals("temporal")
                ? TemporalSplit.test(data, TEMPORAL_TEST_SHARE) : LeaveOneOut.test(data);
        FullRankingEvaluator evaluator = new FullRankingEvaluator(k, threads);

        List<Map<String, Object>> results = new ArrayList<>();
        int evaluatedUsers = 0;
        // a sequence model trained once serves both its own row and the blends with it
        Map<String, SequenceModel> sequenceModels = new LinkedHashMap<>();
        Map<String, Double> sequenceSeconds = new LinkedHashMap<>();
        for (String name : models) {
            name = name.trim();
            Map<String, Object> settings = new LinkedHashMap<>();
            ItemScorer scorer;
            double trainSeconds;
            if (name.startsWith(BLEND_PREFIX)) {
                String part = name.substring(BLEND_PREFIX.length());
                ScorerTrainer base = tune(validation, evaluator, content, settings);
                SequenceModel sequence = sequenceModel(part, test.train, sequenceModels, sequenceSeconds);
                long start = System.nanoTime();
                double weight = SequenceBlend.tune(base.train(validation.train), sequence, validation, evaluator,
                        label -> ProgressBar.onStandardError(err, label, validation.histories.length));
                scorer = new SequenceBlend(base.train(test.train), sequence, weight);
                trainSeconds = sequenceSeconds.get(part) + (System.nanoTime() - start) / 1e9;
                settings.put("sequenceWeight", weight);
                settings.put("sequence", sequence.settings().asMap());
            } else if (name.equals("gru") || name.equals("sasrec")) {
                SequenceModel sequence = sequenceModel(name, test.train, sequenceModels, sequenceSeconds);
                scorer = sequence;
                trainSeconds = sequenceSeconds.get(name);
                settings.putAll(sequence.settings().asMap());
            } else {
                ScorerTrainer trainer;
                if (name.equals("default")) {
                    trainer = tune(validation, evaluator, content, settings);
                } else if (name.equals("content")) {
                    trainer = new ContentTrainer(content, DefaultModel.CONTENT_NEIGHBOURS, 0.5, false);
                } else {
                    trainer = trainerFor(name, 1.0, 0.5, 0);
                }
                long start = System.nanoTime();
                scorer = trainer.train(test.train);
                trainSeconds = (System.nanoTime() - start) / 1e9;
            }
            RankingMetrics metrics = evaluator.evaluate(scorer, test.histories, test.targets,
                    ProgressBar.onStandardError(err, name + " (test)", test.histories.length));
            evaluatedUsers = metrics.users();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("metrics", metrics.asMap());
            entry.put("trainSeconds", round(trainSeconds, 3));
            if (!settings.isEmpty()) {
                entry.put("settings", settings);
            }
            results.add(entry);
        }

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("dataset", dataset);
        json.put("protocol", protocol);
        json.put("k", k);
        json.put("users", evaluatedUsers);
        json.put("items", data.numItems());
        if (options.containsKey("attributes")) {
            json.put("attributes", options.get("attributes"));
        }
        json.put("models", results);
        if (report.toAbsolutePath().getParent() != null) {
            Files.createDirectories(report.toAbsolutePath().getParent());
        }
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(report.toFile(), json);
        printTable(results, k);
        out.println("Report: " + report);
        return 0;
    }

    /**
     * The default model chosen by validation NDCG (see {@link DefaultModel}), blended with content
     * similarity (when item content is given) and a popularity or trend prior where they help on validation.
     */
    private ScorerTrainer tune(LeaveOneOut.Phase validation, FullRankingEvaluator evaluator, ItemContent content,
                               Map<String, Object> settings) throws InterruptedException {
        java.util.function.Function<String, java.util.function.IntConsumer> progress =
                name -> ProgressBar.onStandardError(err, name, validation.histories.length);
        DefaultModel tuning = DefaultModel.tune(validation, evaluator, content, progress);
        settings.putAll(tuning.settings());
        return tuning.trainer();
    }

    /** Trains (once per run) the named sequence model on {@code train}, with progress on the error stream. */
    private SequenceModel sequenceModel(String name, InteractionData train, Map<String, SequenceModel> trained,
                                        Map<String, Double> seconds) {
        SequenceModel model = trained.get(name);
        if (model == null) {
            SequenceTrainer trainer = new SequenceTrainer(((SequenceTrainer) trainerFor(name, 1.0, 0.5, 0))
                    .settings(), err::println);
            long start = System.nanoTime();
            model = trainer.train(train);
            seconds.put(name, (System.nanoTime() - start) / 1e9);
            trained.put(name, model);
            checkExport(model, train);
        }
        return model;
    }

    /**
     * Exports the model as it would be served and says how large the artifact is and whether ONNX Runtime ranks
     * the first histories as the model does (the measured scorer is the plain-Java forward pass).
     */
    private void checkExport(SequenceModel model, InteractionData train) {
        byte[] onnx = SequenceGraph.export(model, TrainingProvenance.of(model, train, "eval", SequenceTrainer.class,
                java.time.Clock.systemUTC())).toByteArray();
        int checked = 0;
        int same = 0;
        try (RankingModel served = RankingModels.load(onnx)) {
            float[] scores = new float[model.numItems()];
            for (int u = 0; u < train.numUsers() && checked < 500; u++) {
                int[] history = train.sequence(u);
                if (history.length == 0) {
                    continue;
                }
                int[] exclude = Arrays.stream(history).distinct().toArray();
                Arrays.fill(scores, 0f);
                model.score(history, scores);
                for (int e : exclude) {
                    scores[e] = Float.NEGATIVE_INFINITY;
                }
                int[] top = new int[10];
                int n = FullRankingEvaluator.topK(scores, top);
                RankedItems ranked = served.rank(history, exclude, 10);
                boolean equal = ranked.size() == n;
                for (int r = 0; equal && r < n; r++) {
                    equal = ranked.item(r) == top[r];
                }
                checked++;
                same += equal ? 1 : 0;
            }
        } catch (ModelLoadException | ai.onnxruntime.OrtException e) {
            throw new IllegalStateException(model.name() + " does not export: " + e.getMessage(), e);
        }
        err.printf(Locale.ROOT, "%s: ONNX artifact %.2f MB; ONNX top-10 equals the Java forward pass for %d of %d "
                + "histories%n", model.name(), onnx.length / 1e6, same, checked);
    }

    static ScorerTrainer trainerFor(String name, double decay, double alpha, double transitions) {
        switch (name) {
            case "pop":
                return new PopularityTrainer();
            case "itemknn":
                return ItemKnnTrainer.cosine();
            case "trending":
                return new TrendingTrainer(java.time.Duration.ofDays(7));
            case "default":
                return new ItemKnnTrainer("default", DefaultModel.NEIGHBOURS, alpha, 0, decay, transitions,
                        DefaultModel.WINDOW, DefaultModel.POPULARITY_PRIOR);
            case "gru":
                return new SequenceTrainer(SequenceSettings.gru().build(), line -> { });
            case "sasrec":
                return new SequenceTrainer(SequenceSettings.selfAttention().build(), line -> { });
            case BLEND_PREFIX + "gru":
            case BLEND_PREFIX + "sasrec":
                return trainerFor(name.substring(BLEND_PREFIX.length()), decay, alpha, transitions);
            default:
                throw new UsageException("Unknown model '" + name + "'; available: default, pop, itemknn, trending, "
                        + "content, gru, sasrec, default+gru, default+sasrec");
        }
    }

    static InteractionData load(String dataset) throws IOException {
        int colon = dataset.indexOf(':');
        if (colon < 0) {
            throw new UsageException("--dataset is sequences:PATH, interactions:PATH or events:JDBC_URL|DIR, not '"
                    + dataset + "'");
        }
        String kind = dataset.substring(0, colon);
        if (kind.equals("synthetic")) {
            return synthetic(dataset.substring(colon + 1));
        }
        Path path = Paths.get(dataset.substring(colon + 1));
        if (!Files.isReadable(path)) {
            throw new UsageException("Cannot read the dataset file " + path.toAbsolutePath());
        }
        InteractionDataLoader loader = new InteractionDataLoader();
        switch (kind) {
            case "sequences":
                return loader.sequences(path);
            case "interactions":
                return loader.interactions(path);
            default:
                throw new UsageException("--dataset kind is sequences, interactions or events, not '" + kind + "'");
        }
    }

    /**
     * {@code synthetic:INTERACTIONS[:ITEMS]}: seeded store-like histories (see {@link SyntheticInteractions}), to
     * time the whole tuning and training at sizes no dataset here has. Not for quality claims.
     */
    private static InteractionData synthetic(String spec) {
        String[] parts = spec.split(":");
        try {
            int interactions = Integer.parseInt(parts[0].trim());
            int items = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 50_000;
            return SyntheticInteractions.builder().interactions(interactions).items(items).build().generate();
        } catch (NumberFormatException e) {
            throw new UsageException("--dataset synthetic: takes INTERACTIONS[:ITEMS], e.g. synthetic:1000000:50000, "
                    + "not '" + spec + "'");
        } catch (IllegalArgumentException e) {
            throw new UsageException("--dataset synthetic:" + spec + ": " + e.getMessage());
        }
    }

    private void printTable(List<Map<String, Object>> results, int k) {
        out.println();
        out.printf(Locale.ROOT, "%-12s %9s %9s %9s %11s %9s%n", "model", "HR@" + k, "NDCG@" + k, "MRR@" + k,
                "Coverage@" + k, "train s");
        for (Map<String, Object> r : results) {
            @SuppressWarnings("unchecked")
            Map<String, Double> m = (Map<String, Double>) r.get("metrics");
            out.printf(Locale.ROOT, "%-12s %9.4f %9.4f %9.4f %11.4f %9.2f%n", r.get("name"), m.get("HR@" + k),
                    m.get("NDCG@" + k), m.get("MRR@" + k), m.get("Coverage@" + k), r.get("trainSeconds"));
        }
    }

    static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
