package io.shelfwise.cli;

import io.shelfwise.price.eval.ProductSplit;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code shelfwise price-split}: splits an online-retail file by product (StockCode hash) for price-eval.
 * <pre>
 * price-split --input transactions.csv --train-out train.csv --test-out test.csv [--test-share 0.2] [--seed 1]
 * </pre>
 */
final class PriceSplitCommand {

    private final PrintStream out;

    PriceSplitCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) throws IOException {
        Map<String, String> options = Options.parse(args, Arrays.asList("input", "train-out", "test-out",
                "test-share", "seed"));
        Path input = Paths.get(Options.required(options, "input"));
        if (!Files.isReadable(input)) {
            throw new UsageException("Cannot read " + input);
        }
        double share;
        try {
            share = Double.parseDouble(options.getOrDefault("test-share", "0.2"));
        } catch (NumberFormatException e) {
            throw new UsageException("--test-share must be a number between 0 and 1");
        }
        if (!(share > 0 && share < 1)) {
            throw new UsageException("--test-share must be between 0 and 1, was " + share);
        }
        int seed = Options.integer(options, "seed", 1, 0, Integer.MAX_VALUE);
        int[] rows = ProductSplit.split(input, share, seed, Paths.get(Options.required(options, "train-out")),
                Paths.get(Options.required(options, "test-out")));
        out.println("train rows " + rows[0] + ", test rows " + rows[1]);
        return 0;
    }
}
