package io.shelfwise.events.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events from request threads and writes them to the event store in batches on a thread of its own.
 * <p>
 * {@link #offer} never blocks and never touches the database: it puts the event in a bounded queue and returns.
 * When the queue is full (the database is slow or down for long enough) the event is dropped and counted
 * ({@code shelfwise.events.dropped{reason=queue_full}}): capture never holds up a page or a checkout. A batch the
 * database refuses is retried with growing pauses (up to {@link Builder#maxBackoff}) until it is written, so a
 * database outage loses only what overflows the queue. {@link #close()} stops accepting events and writes what is
 * queued, waiting up to {@link Builder#shutdownTimeout}. A crash (kill -9, power loss) loses what was queued:
 * at most {@link Builder#capacity} events, in practice what arrived in the last {@link Builder#flushInterval}.
 * <p>
 * Events of shoppers who opted out are refused at {@link #offer} (and counted as {@code reason=opted_out}).
 * Thread-safe.
 */
public final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);

    private final JdbcEventStore store;
    private final BlockingQueue<InteractionEvent> queue;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final long maxBackoffMillis;
    private final long shutdownTimeoutNanos;
    private final Thread worker;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong acceptedCount = new AtomicLong();
    private final AtomicLong writtenCount = new AtomicLong();
    private final Counter accepted;
    private final Counter droppedFull;
    private final Counter droppedClosed;
    private final Counter droppedOptedOut;
    private final Counter written;
    private final Counter failedBatches;
    private final Counter lostOnShutdown;
    private volatile Set<ShopperKey> optedOut;
    private volatile boolean closing;

    private EventWriter(Builder b) {
        this.store = b.store;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.batchSize = b.batchSize;
        this.flushIntervalNanos = b.flushInterval.toNanos();
        this.maxBackoffMillis = b.maxBackoff.toMillis();
        this.shutdownTimeoutNanos = b.shutdownTimeout.toNanos();
        MeterRegistry registry = b.registry;
        this.accepted = registry.counter("shelfwise.events.accepted");
        this.droppedFull = registry.counter("shelfwise.events.dropped", "reason", "queue_full");
        this.droppedClosed = registry.counter("shelfwise.events.dropped", "reason", "closed");
        this.droppedOptedOut = registry.counter("shelfwise.events.dropped", "reason", "opted_out");
        this.written = registry.counter("shelfwise.events.written");
        this.failedBatches = registry.counter("shelfwise.events.batch.failures");
        this.lostOnShutdown = registry.counter("shelfwise.events.lost_on_shutdown");
        Gauge.builder("shelfwise.events.queued", queue, BlockingQueue::size).register(registry);
        this.optedOut = Collections.unmodifiableSet(new HashSet<>(store.optedOut()));
        this.worker = b.threadFactory.newThread(this::run);
        this.worker.setDaemon(true);
        this.worker.start();
    }

    public static Builder builder(JdbcEventStore store) {
        return new Builder(store);
    }

    /**
     * Queues an event for writing. Never blocks.
     *
     * @return {@code false} if the event was dropped: queue full, writer closed, or the shopper opted out
     */
    public boolean offer(InteractionEvent event) {
        if (closing) {
            droppedClosed.increment();
            return false;
        }
        Set<ShopperKey> refused = optedOut;
        if (!refused.isEmpty() && (refused.contains(event.shopper())
                || (event.linkedCustomer() != null && refused.contains(event.linkedCustomer())))) {
            droppedOptedOut.increment();
            return false;
        }
        if (!queue.offer(event)) {
            droppedFull.increment();
            return false;
        }
        accepted.increment();
        acceptedCount.incrementAndGet();
        return true;
    }

    /** Records an opt-out in the store and refuses the shopper's events from now on. */
    public void optOut(ShopperKey shopper) {
        store.optOut(shopper);
        reloadOptOuts();
    }

    /** Withdraws an opt-out. */
    public void optIn(ShopperKey shopper) {
        store.optIn(shopper);
        reloadOptOuts();
    }

    private void reloadOptOuts() {
        optedOut = Collections.unmodifiableSet(new HashSet<>(store.optedOut()));
    }

    /**
     * Waits until every event accepted before this call is written, or the timeout passes.
     *
     * @return {@code true} if all were written in time
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = acceptedCount.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (writtenCount.get() < target) {
            if (System.nanoTime() > deadline || !worker.isAlive()) {
                return writtenCount.get() >= target;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Events queued and not yet written. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<InteractionEvent> batch = new ArrayList<>(batchSize);
        long backoff = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    InteractionEvent first = queue.poll(flushIntervalNanos, TimeUnit.NANOSECONDS);
                    if (first == null) {
                        if (closing) {
                            return;
                        }
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, batchSize - 1);
                }
                try {
                    store.append(batch);
                    written.increment(batch.size());
                    writtenCount.addAndGet(batch.size());
                    batch.clear();
                    backoff = 0;
                } catch (RuntimeException e) {
                    failedBatches.increment();
                    backoff = backoff == 0 ? 50 : Math.min(maxBackoffMillis, backoff * 2);
                    LOG.warn("Could not write " + batch.size() + " events (" + queue.size() + " queued); retrying in "
                            + backoff + " ms: " + e.getMessage());
                    if (closing) {
                        return;
                    }
                    Thread.sleep(backoff);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            int lost = batch.size() + queue.size();
            if (lost > 0) {
                lostOnShutdown.increment(lost);
                LOG.error("Event writer stopped with " + lost + " events unwritten");
            }
            stopped.countDown();
        }
    }

    /**
     * Stops accepting events and writes what is queued, waiting up to the shutdown timeout. Events still unwritten
     * then (the database was down) are counted as {@code shelfwise.events.lost_on_shutdown} and logged.
     */
    @Override
    public void close() throws InterruptedException {
        closing = true;
        if (!stopped.await(shutdownTimeoutNanos, TimeUnit.NANOSECONDS)) {
            worker.interrupt();
            stopped.await(5, TimeUnit.SECONDS);
        }
    }

    /** Settings of a writer, validated by {@link #build()}. */
    public static final class Builder {
        private final JdbcEventStore store;
        private int capacity = 20_000;
        private int batchSize = 500;
        private Duration flushInterval = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(5);
        private Duration shutdownTimeout = Duration.ofSeconds(10);
        private MeterRegistry registry = new SimpleMeterRegistry();
        private ThreadFactory threadFactory = r -> new Thread(r, "shelfwise-event-writer");

        private Builder(JdbcEventStore store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        /** Events that can wait in memory for the database (default 20,000). */
        public Builder capacity(int value) {
            this.capacity = value;
            return this;
        }

        /** Events written per statement batch and transaction (default 500). */
        public Builder batchSize(int value) {
            this.batchSize = value;
            return this;
        }

        /** How long a lone event may wait for company before it is written (default 200 ms). */
        public Builder flushInterval(Duration value) {
            this.flushInterval = value;
            return this;
        }

        /** Longest pause between retries of a refused batch (default 5 s). */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /** How long {@link EventWriter#close()} waits for the queue to drain (default 10 s). */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
            return this;
        }

        /** Where the writer's counters and gauge are registered (default: a registry of its own). */
        public Builder meterRegistry(MeterRegistry value) {
            this.registry = Objects.requireNonNull(value, "registry");
            return this;
        }

        public Builder threadFactory(ThreadFactory value) {
            this.threadFactory = Objects.requireNonNull(value, "threadFactory");
            return this;
        }

        /** @throws IllegalArgumentException naming the setting that is out of range */
        public EventWriter build() {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
            }
            if (batchSize < 1 || batchSize > capacity) {
                throw new IllegalArgumentException("batchSize must be between 1 and capacity (" + capacity + "), was " + batchSize);
            }
            if (flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("flushInterval must be positive, was " + flushInterval);
            }
            if (maxBackoff.isNegative() || maxBackoff.isZero()) {
                throw new IllegalArgumentException("maxBackoff must be positive, was " + maxBackoff);
            }
            if (shutdownTimeout.isNegative()) {
                throw new IllegalArgumentException("shutdownTimeout must not be negative, was " + shutdownTimeout);
            }
            return new EventWriter(this);
        }
    }
}
