package io.shelfwise.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The {@code ./shelfwise} commands that run on plugin-core alone (no store needed). Exit status 0 on success,
 * 2 on a usage error (the message says what to change), 1 on any other failure ({@code check-model}: 1 when the
 * model would be refused). An input that cannot be read is one line saying why; anything else also prints its
 * stack trace, for a bug report.
 */
public final class ShelfwiseCli {

    private ShelfwiseCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: shelfwise eval --dataset sequences:PATH|interactions:PATH [--protocol "
                    + "leave-one-out|temporal] [--k 10] [--models default,pop,itemknn] [--out report.json]");
            return 2;
        }
        try {
            switch (args[0]) {
                case "eval":
                    return new EvalCommand(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length));
                case "price-eval":
                    return new PriceEvalCommand(System.out, System.err, java.time.Clock.systemUTC())
                            .run(Arrays.copyOfRange(args, 1, args.length));
                case "price-split":
                    return new PriceSplitCommand(System.out).run(Arrays.copyOfRange(args, 1, args.length));
                case "check-model":
                    return new CheckModelCommand(System.out).run(Arrays.copyOfRange(args, 1, args.length));
                case "bench":
                    if (args.length > 1 && args[1].equals("train")) {
                        return new TrainBenchCommand(System.out, System.err, System::nanoTime)
                                .run(Arrays.copyOfRange(args, 2, args.length));
                    }
                    throw new UsageException("bench knows: train");
                default:
                    throw new UsageException("Unknown command '" + args[0] + "'; known: eval, price-eval, price-split, "
                            + "check-model, bench train");
            }
        } catch (UsageException e) {
            System.err.println("shelfwise: " + e.getMessage());
            return 2;
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            // An input that cannot be read or is not what the command takes: the message says which and why.
            System.err.println("shelfwise: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.err.println("shelfwise: " + e);
            e.printStackTrace(System.err);
            return 1;
        }
    }
}
