package io.shelfwise.events.capture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.events.store.UnconfirmedCommitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Takes events from request threads and writes them to the event store in batches on a thread of its own.
 * <p>
 * {@link #offer} never blocks and never touches the database: it counts the event against the capacity, puts it in
 * a queue and returns. An event counts against the capacity from {@link #offer} until it is <em>stored</em>: written,
 * read back, and (after a failure) secured on disk ({@link JdbcEventStore#secureWrites()}). When the capacity is
 * taken (the database is slow, down or full for long enough) new events are dropped and counted
 * ({@code shelfwise.events.dropped{reason=queue_full}}): capture never holds up a page or a checkout.
 * <p>
 * A write that fails (the database refuses the batch, or acknowledges it without storing it) is counted
 * ({@code shelfwise.events.write.failures}) and retried with growing pauses (up to {@link Builder#maxBackoff}); its
 * events stay counted against the capacity meanwhile. The writer is then <em>failing</em> ({@link #status()}, gauge
 * {@code shelfwise.events.store.failing{error}}), logs it when it begins and then at most once a minute, and returns
 * to <em>storing</em> once a write succeeds and what was written since the failure is secured. So a crash (kill -9,
 * power loss) loses at most the events counted against the capacity then: at most {@link Builder#capacity}, and in
 * normal operation what arrived in the last {@link Builder#flushInterval}. (On HSQLDB one exception: the last batch
 * acknowledged before its files failed, at most {@link Builder#batchSize} events, is lost too if the process
 * crashes before the failure is over; see docs/event-capture.md.)
 * <p>
 * {@link #close()} stops accepting events and writes what is queued, waiting up to {@link Builder#shutdownTimeout}.
 * Events of shoppers who opted out are refused at {@link #offer} (and counted as {@code reason=opted_out}).
 * Thread-safe.
 */
public final class EventWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventWriter.class);
    static final String FAILING_GAUGE = "shelfwise.events.store.failing";
    private static final long LOG_EVERY_MILLIS = 60_000;
    private static final int MAX_ERROR_LENGTH = 300;

    private final JdbcEventStore store;
    private final BlockingQueue<InteractionEvent> queue;
    private final int capacity;
    private final int batchSize;
    private final long flushIntervalNanos;
    private final long maxBackoffMillis;
    private final long shutdownTimeoutNanos;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Thread worker;
    private final CountDownLatch stopped = new CountDownLatch(1);
    /** Accepted and not yet stored: queued, being written, or written since a failure and not yet secured. */
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong acceptedCount = new AtomicLong();
    private final AtomicLong storedCount = new AtomicLong();
    private final Counter accepted;
    private final Counter droppedFull;
    private final Counter droppedClosed;
    private final Counter droppedOptedOut;
    private final Counter written;
    private final Counter writeFailures;
    private final Counter lostOnShutdown;
    private volatile Set<ShopperKey> optedOut;
    private volatile boolean closing;
    /** {@code null} while storing; written by the worker thread only. */
    private volatile Failure failure;
    /** Written (and read back) since the current failure began, not yet secured; worker thread only. */
    private volatile int unsecured;
    private Gauge failingGauge;

    private EventWriter(Builder b) {
        this.store = b.store;
        this.capacity = b.capacity;
        this.queue = new ArrayBlockingQueue<>(b.capacity);
        this.batchSize = b.batchSize;
        this.flushIntervalNanos = b.flushInterval.toNanos();
        this.maxBackoffMillis = b.maxBackoff.toMillis();
        this.shutdownTimeoutNanos = b.shutdownTimeout.toNanos();
        this.clock = b.clock;
        this.registry = b.registry;
        this.accepted = registry.counter("shelfwise.events.accepted");
        this.droppedFull = registry.counter("shelfwise.events.dropped", "reason", "queue_full");
        this.droppedClosed = registry.counter("shelfwise.events.dropped", "reason", "closed");
        this.droppedOptedOut = registry.counter("shelfwise.events.dropped", "reason", "opted_out");
        this.written = registry.counter("shelfwise.events.written");
        this.writeFailures = registry.counter("shelfwise.events.write.failures");
        this.lostOnShutdown = registry.counter("shelfwise.events.lost_on_shutdown");
        Gauge.builder("shelfwise.events.queued", pending, AtomicInteger::get).register(registry);
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
     * @return {@code false} if the event was dropped: capacity taken, writer closed, or the shopper opted out
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
        // pending bounds the queue too (it counts every queued event), so the queue always has room here
        if (pending.incrementAndGet() > capacity || !queue.offer(event)) {
            pending.decrementAndGet();
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
     * Waits until every event accepted before this call is stored, or the timeout passes.
     *
     * @return {@code true} if all were stored in time
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target = acceptedCount.get();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (storedCount.get() < target) {
            if (System.nanoTime() > deadline || !worker.isAlive()) {
                return storedCount.get() >= target;
            }
            Thread.sleep(2);
        }
        return true;
    }

    /** Events accepted and not yet stored (queued, being written, or not yet secured after a failure). */
    public int queued() {
        return pending.get();
    }

    /** Whether events are being stored now, and if not since when and why. */
    public Status status() {
        Failure current = failure;
        return new Status(current == null ? null : current.since, current == null ? null : current.error,
                pending.get(), (long) writeFailures.count(), (long) droppedFull.count());
    }

    private void run() {
        List<InteractionEvent> batch = new ArrayList<>(batchSize);
        long backoff = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    InteractionEvent first = queue.poll(flushIntervalNanos, TimeUnit.NANOSECONDS);
                    if (first != null) {
                        batch.add(first);
                        queue.drainTo(batch, batchSize - 1);
                    } else if (closing) {
                        return;
                    }
                }
                // after a failure, secure what the database holds before writing again: on HSQLDB a checkpoint
                // also drops from its log what a failed commit left there, so events written again after it are
                // never found twice by a restart
                boolean ok = (failure == null || secure(batch.size())) && (batch.isEmpty() || write(batch));
                if (ok) {
                    backoff = 0;
                    continue;
                }
                if (closing) {
                    return;
                }
                backoff = backoff == 0 ? 50 : Math.min(maxBackoffMillis, backoff * 2);
                Thread.sleep(backoff);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            int lost = batch.size() + queue.size();
            if (lost > 0) {
                lostOnShutdown.increment(lost);
                LOG.error("Shelfwise: the event writer stopped with " + lost + " events not written");
            }
            if (unsecured > 0) {
                LOG.error("Shelfwise: the event writer stopped with " + unsecured + " events written since the "
                        + "event store failed and not known to be safe on disk");
            }
            stopped.countDown();
        }
    }

    /**
     * Appends the batch. On success it is emptied; when the database kept only part of it, what is left in it is what
     * to write again.
     *
     * @return {@code true} if all of it was written
     */
    private boolean write(List<InteractionEvent> batch) {
        try {
            store.append(batch);
            written(batch.size());
            batch.clear();
            return true;
        } catch (UnconfirmedCommitException e) {
            // what the database kept waits to be secured; what it lost is written again
            batch.clear();
            batch.addAll(e.unstored());
            failed(e.getMessage());
            written(e.unsecured());
            return batch.isEmpty();
        } catch (RuntimeException e) {
            failed(refused(batch.size(), e));
            return false;
        }
    }

    /** Events the database wrote: stored now, or once secured when the store is failing. */
    private void written(int count) {
        if (failure == null) {
            stored(count);
        } else {
            unsecured += count;
        }
    }

    private void stored(int count) {
        written.increment(count);
        storedCount.addAndGet(count);
        pending.addAndGet(-count);
    }

    /**
     * After a failure: secures what was written since; on success the writer is storing again. While it fails,
     * the {@code waiting} events of the batch in hand are what the error is about.
     */
    private boolean secure(int waiting) {
        try {
            store.secureWrites();
        } catch (RuntimeException e) {
            failed(waiting == 0 ? rootMessage(e) : refused(waiting, e));
            return false;
        }
        Failure over = failure;
        int backlog = unsecured;
        unsecured = 0;
        stored(backlog);
        failure = null;
        setFailingGauge(null);
        LOG.warn("Shelfwise: events are being stored again, after failing since " + over.since + " ("
                + (long) writeFailures.count() + " failed writes in all so far; " + backlog
                + " events written since the failure are now safe)");
        return true;
    }

    private static String refused(int events, RuntimeException e) {
        return "The database refused " + (events == 1 ? "an event" : events + " events") + ": " + rootMessage(e);
    }

    private void failed(String error) {
        long now = clock.millis();
        Failure current = failure;
        if (current == null) {
            failure = new Failure(Instant.ofEpochMilli(now), error, now);
            setFailingGauge(failure);
            // counted once the state says failing: whoever sees the count sees the state too
            writeFailures.increment();
            LOG.error("Shelfwise: events are not being stored: " + error + ". " + pending.get()
                    + " events wait in memory (at most " + capacity + "; beyond that new events are dropped and "
                    + "counted); retrying.");
            return;
        }
        if (!current.error.equals(error)) {
            failure = new Failure(current.since, error, current.loggedAt);
            setFailingGauge(failure);
            current = failure;
        }
        writeFailures.increment();
        if (now - current.loggedAt >= LOG_EVERY_MILLIS) {
            current.loggedAt = now;
            LOG.error("Shelfwise: events are still not being stored, since " + current.since + ": " + error + ". "
                    + (long) writeFailures.count() + " failed writes so far, " + pending.get()
                    + " events waiting, " + (long) droppedFull.count() + " dropped because the queue was full.");
        }
    }

    /** One gauge while failing, tagged with the error, valued at the failure's start in epoch seconds. */
    private void setFailingGauge(Failure current) {
        if (failingGauge != null) {
            registry.remove(failingGauge);
            failingGauge = null;
        }
        if (current != null) {
            double since = current.since.toEpochMilli() / 1000.0;
            failingGauge = Gauge.builder(FAILING_GAUGE, () -> since).tag("error", current.error)
                    .description("events are not being stored: since when, and why").register(registry);
        }
    }

    /** The innermost message of a failure (the database's own words), in one line of at most 300 characters. */
    static String rootMessage(Throwable e) {
        String message = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        message = message == null ? e.getClass().getSimpleName() : message.replaceAll("\\s+", " ").trim();
        return message.length() <= MAX_ERROR_LENGTH ? message : message.substring(0, MAX_ERROR_LENGTH - 3) + "...";
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

    private static final class Failure {
        final Instant since;
        final String error;
        long loggedAt;

        Failure(Instant since, String error, long loggedAt) {
            this.since = since;
            this.error = error;
            this.loggedAt = loggedAt;
        }
    }

    /** Whether the writer is storing events, or since when and why it is not. Immutable. */
    public static final class Status {
        private final Instant failingSince;
        private final String error;
        private final int waiting;
        private final long writeFailures;
        private final long dropped;

        Status(Instant failingSince, String error, int waiting, long writeFailures, long dropped) {
            this.failingSince = failingSince;
            this.error = error;
            this.waiting = waiting;
            this.writeFailures = writeFailures;
            this.dropped = dropped;
        }

        /** True while writes succeed (or nothing failed since the last success). */
        public boolean storing() {
            return failingSince == null;
        }

        /** When the current failure began, or {@code null} while storing. */
        public Instant failingSince() {
            return failingSince;
        }

        /** The database's latest error in one line, or {@code null} while storing. */
        public String error() {
            return error;
        }

        /** Events accepted and not yet stored. */
        public int waiting() {
            return waiting;
        }

        /** Failed writes since the writer started (a refused or unstored batch, a failed securing). */
        public long writeFailures() {
            return writeFailures;
        }

        /** Events dropped since start because the capacity was taken. */
        public long dropped() {
            return dropped;
        }

        @Override
        public String toString() {
            return storing() ? "storing (" + waiting + " waiting)" : "failing since " + failingSince + ": " + error
                    + " (" + waiting + " waiting, " + writeFailures + " failed writes, " + dropped + " dropped)";
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
        private Clock clock;
        private MeterRegistry registry = new SimpleMeterRegistry();
        private ThreadFactory threadFactory = r -> new Thread(r, "shelfwise-event-writer");

        private Builder(JdbcEventStore store) {
            this.store = Objects.requireNonNull(store, "store");
            this.clock = store.clock();
        }

        /**
         * Events that may be accepted and not yet stored (default 20,000): what waits in memory for the database,
         * and so the most a crash can lose.
         */
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

        /** Longest pause between retries of a failed write (default 5 s). */
        public Builder maxBackoff(Duration value) {
            this.maxBackoff = value;
            return this;
        }

        /** How long {@link EventWriter#close()} waits for the queue to drain (default 10 s). */
        public Builder shutdownTimeout(Duration value) {
            this.shutdownTimeout = value;
            return this;
        }

        /** When a failure began, and when it was last logged (default: the store's clock). */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /** Where the writer's counters and gauges are registered (default: a registry of its own). */
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
