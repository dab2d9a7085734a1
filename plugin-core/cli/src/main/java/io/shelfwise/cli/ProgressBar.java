package io.shelfwise.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;

/**
 * Progress of one stage of a command. On a terminal, a one-line bar redrawn in place when it moves by 1% ({@code \r},
 * then a newline when done); anywhere else (a log file, a pipe, CI) one line when the stage starts and one when it
 * ends, so a log holds two lines per stage rather than a hundred carriage returns. Workers may report out of order;
 * progress only moves forward. Thread-safe.
 */
final class ProgressBar implements IntConsumer {

    /** Set by {@code ./shelfwise} when standard error is a terminal ({@code -Dshelfwise.terminal=true}). */
    static final String TERMINAL_PROPERTY = "shelfwise.terminal";

    private static final int WIDTH = 30;

    private final PrintStream stream;
    private final String label;
    private final int total;
    private final boolean redraw;
    private int lastPercent = -1;

    ProgressBar(PrintStream stream, String label, int total, boolean redraw) {
        this.stream = stream;
        this.label = label;
        this.total = Math.max(1, total);
        this.redraw = redraw;
    }

    /** A bar that redraws when {@value #TERMINAL_PROPERTY} says standard error is a terminal. */
    static ProgressBar onStandardError(PrintStream stream, String label, int total) {
        return new ProgressBar(stream, label, total, Boolean.getBoolean(TERMINAL_PROPERTY));
    }

    @Override
    public synchronized void accept(int done) {
        int percent = (int) (100L * Math.min(done, total) / total);
        if (percent <= lastPercent) {
            return;
        }
        boolean first = lastPercent < 0;
        lastPercent = percent;
        if (redraw) {
            draw(percent);
        } else if (percent == 100) {
            stream.printf(Locale.ROOT, "%s: done (%d)%n", label, total);
        } else if (first) {
            stream.printf(Locale.ROOT, "%s: started (%d to do)%n", label, total);
        }
        stream.flush();
    }

    private void draw(int percent) {
        int filled = WIDTH * percent / 100;
        StringBuilder bar = new StringBuilder();
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '.');
        }
        stream.printf(Locale.ROOT, "\r%-40s [%s] %3d%%", label, bar, percent);
        if (percent == 100) {
            stream.println();
        }
    }
}
