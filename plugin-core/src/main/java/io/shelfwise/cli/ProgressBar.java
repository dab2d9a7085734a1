package io.shelfwise.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * A one-line progress bar on a terminal stream, redrawn when it moves by 1% ({@code \r}, then a newline when
 * done). Workers may report out of order; the bar only moves forward. Thread-safe.
 */
final class ProgressBar implements IntConsumer {

    private static final int WIDTH = 30;

    private final PrintStream stream;
    private final String label;
    private final int total;
    private int lastPercent = -1;

    ProgressBar(PrintStream stream, String label, int total) {
        this.stream = stream;
        this.label = label;
        this.total = Math.max(1, total);
    }

    @Override
    public synchronized void accept(int done) {
        int percent = (int) (100L * done / total);
        if (percent <= lastPercent) {
            return;
        }
        lastPercent = percent;
        int filled = WIDTH * percent / 100;
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '.');
        }
        stream.printf(Locale.ROOT, "\r%-40s [%s] %3d%%", label, bar, percent);
        if (done >= total) {
            stream.println();
        }
        stream.flush();
    }
}
