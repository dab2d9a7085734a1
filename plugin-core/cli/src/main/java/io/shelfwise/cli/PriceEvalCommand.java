package io.shelfwise.cli;

import io.shelfwise.onnx.ModelLoadException;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PriceHistoryFile;
import io.shelfwise.price.eval.PriceEvaluation;
import io.shelfwise.price.train.PriceModelTrainer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * {@code shelfwise price-eval}: trains the price model on one online-retail file and measures it on the products
 * of another.
 * <pre>
 * price-eval --train PATH.csv --test PATH.csv [--out report.json] [--seed 42] [--lambda 3] [--epochs 30]
 *            [--trees 0] [--tree-depth 3] [--tree-rate 0.15] [--tree-min-leaf 30] [--predictions predictions.csv]
 * </pre>
 */
final class PriceEvalCommand {

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    PriceEvalCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    int run(String[] args) throws IOException, ModelLoadException {
        Map<String, String> options = Options.parse(args, Arrays.asList("train", "test", "out", "seed", "lambda",
                "epochs", "predictions", "trees", "tree-depth", "tree-rate", "tree-min-leaf"));
        Path train = readable(Options.required(options, "train"));
        Path test = readable(Options.required(options, "test"));
        Path report = Paths.get(options.getOrDefault("out", "report.json"));
        int seed = Options.integer(options, "seed", 42, 0, Integer.MAX_VALUE);
        PriceModelTrainer.Settings.Builder settings = PriceModelTrainer.Settings.builder().seed(seed)
                .epochs(Options.integer(options, "epochs", 30, 1, 10_000))
                .trees(Options.integer(options, "trees", 0, 0, 2_000))
                .treeDepth(Options.integer(options, "tree-depth", 3, 1, 8))
                .treeMinLeaf(Options.integer(options, "tree-min-leaf", 30, 1, 1_000_000));
        if (options.containsKey("tree-rate")) {
            try {
                settings.treeRate(Double.parseDouble(options.get("tree-rate")));
            } catch (NumberFormatException e) {
                throw new UsageException("--tree-rate must be a number, was '" + options.get("tree-rate") + "'");
            }
        }
        if (options.containsKey("lambda")) {
            try {
                settings.lambda(Double.parseDouble(options.get("lambda")));
            } catch (NumberFormatException e) {
                throw new UsageException("--lambda must be a number, was '" + options.get("lambda") + "'");
            }
        }
        PriceTribuoLogging.quiet();
        err.println("Reading " + train.getFileName() + " and " + test.getFileName() + "...");
        PriceHistory trainHistory = PriceHistoryFile.read(train);
        PriceHistory testHistory = PriceHistoryFile.read(test);
        err.println("Training on " + trainHistory.pricedProducts().size() + " products ("
                + trainHistory.rejectedTotal() + " rows left out), predicting " + testHistory.pricedProducts().size()
                + "...");
        Path work = report.toAbsolutePath().getParent();
        Files.createDirectories(work);
        Map<String, Object> json = new PriceEvaluation(settings.build(), clock)
                .evaluate(trainHistory, testHistory, work,
                        options.containsKey("predictions") ? Paths.get(options.get("predictions")) : null);
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValue(report.toFile(), json);
        @SuppressWarnings("unchecked")
        Map<String, Object> baselines = (Map<String, Object>) json.get("baselines");
        out.printf(Locale.ROOT, "products %s  rmsle %s  global-median %s  bow-ridge %s  ratio %s  coverage %s%n",
                json.get("products"), fmt(json.get("rmsle")), fmt(baselines.get("global-median")),
                fmt(baselines.get("bow-ridge")), fmt(json.get("rmsleVsBowRidge")), fmt(json.get("intervalCoverage")));
        out.println("Report: " + report);
        return 0;
    }

    private static String fmt(Object value) {
        return value instanceof Number ? String.format(Locale.ROOT, "%.4f", ((Number) value).doubleValue()) : "-";
    }

    private static Path readable(String path) {
        Path p = Paths.get(path);
        if (!Files.isReadable(p)) {
            throw new UsageException("Cannot read " + path);
        }
        return p;
    }
}
