package io.shelfwise.internal;

import org.slf4j.Logger;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task a node repeats in the background on a daemon thread of its own (polling the registry, the experiments,
 * the saved settings; sampling counters): a failed round is logged with what the node keeps doing meanwhile, and
 * the next round runs as planned. Closing stops it.
 */
public final class RepeatingTask implements AutoCloseable {

    private final ScheduledExecutorService scheduler;

    /** @param threadName the worker thread's name, e.g. {@code shelfwise-model-sync} */
    public RepeatingTask(String threadName) {
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Runs {@code round} every {@code interval}, the first time one interval from now.
     *
     * @param failure what the log says when a round fails, before the exception's message
     */
    public void every(Duration interval, Runnable round, Logger log, String failure) {
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                round.run();
            } catch (RuntimeException e) {
                log.warn(failure + ": " + e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
