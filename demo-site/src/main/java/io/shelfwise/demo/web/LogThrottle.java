package io.shelfwise.demo.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Decides which of many alike log lines are written: the first of each kind, then at most one per interval, each
 * saying how many were left out since the one before. A flood of bad requests then costs a line a minute, not a
 * line (or a stack trace) a request.
 * <p>
 * Thread-safe. Kinds are short fixed names (an exception class, a refusal reason), never request data; past
 * {@value #MAX_KINDS} kinds, further ones share one budget, so the throttle's memory stays bounded.
 */
public final class LogThrottle {

    static final int MAX_KINDS = 256;
    private static final String OTHER_KINDS = "(other)";

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    /**
     * @param interval how long one logged line stands for its kind
     * @param nanoTime the clock ({@code System::nanoTime} in production)
     */
    public LogThrottle(long interval, TimeUnit unit, LongSupplier nanoTime) {
        if (interval <= 0) {
            throw new IllegalArgumentException("interval must be positive, was " + interval);
        }
        this.intervalNanos = unit.toNanos(interval);
        this.nanoTime = nanoTime;
    }

    /** One line a minute per kind, on the system clock. */
    public static LogThrottle perMinute() {
        return new LogThrottle(1, TimeUnit.MINUTES, System::nanoTime);
    }

    /**
     * Counts one occurrence of {@code kind}.
     *
     * @return -1 if this occurrence is not to be logged; otherwise how many occurrences of the kind were left out
     * since the last logged one (0 for the first)
     */
    public long admit(String kind) {
        Window window = windows.get(kind);
        if (window == null) {
            Window fresh = new Window();
            window = windows.size() >= MAX_KINDS ? windows.computeIfAbsent(OTHER_KINDS, k -> fresh)
                    : windows.computeIfAbsent(kind, k -> fresh);
        }
        return window.admit(nanoTime.getAsLong());
    }

    /** The suffix a logged line carries when {@code skipped} alike ones were left out before it ("" for none). */
    public static String skippedNote(long skipped) {
        return skipped > 0 ? " (" + skipped + " more like this since the last report)" : "";
    }

    private final class Window {
        private boolean started;
        private long lastLogged;
        private long skipped;

        synchronized long admit(long now) {
            if (started && now - lastLogged < intervalNanos) {
                skipped++;
                return -1;
            }
            started = true;
            lastLogged = now;
            long left = skipped;
            skipped = 0;
            return left;
        }
    }
}
