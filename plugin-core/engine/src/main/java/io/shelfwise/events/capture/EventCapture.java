package io.shelfwise.events.capture;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The plugin's capture pipeline as one component a host starts and stops: on {@link #start()} it brings the event
 * store's tables up to date and starts the {@link EventWriter}; {@link #record} hands events to the writer;
 * {@link #close()} flushes. If the database cannot be reached at start, capture stays off (every event is dropped
 * and counted) instead of stopping the store. Thread-safe once started.
 */
public final class EventCapture implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventCapture.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final MeterRegistry registry;
    private final EventWriter.Builder settings;
    private volatile JdbcEventStore store;
    private volatile EventWriter writer;
    private final List<Consumer<InteractionEvent>> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param capacity      events that may wait in memory (see {@link EventWriter.Builder#capacity})
     * @param batchSize     events per database batch
     * @param flushInterval longest wait of a lone event, in milliseconds
     */
    public EventCapture(DataSource dataSource, Clock clock, MeterRegistry registry, int capacity, int batchSize,
                        long flushInterval) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.registry = registry;
        this.store = new JdbcEventStore(dataSource, clock);
        this.settings = EventWriter.builder(store).capacity(capacity).batchSize(batchSize)
                .flushInterval(Duration.ofMillis(flushInterval)).meterRegistry(registry).clock(clock);
    }

    /**
     * Migrates the schema and starts writing. Logs and leaves capture off if the database refuses; the gauge
     * {@code shelfwise.events.store.failing} then says so to the health page.
     */
    public void start() {
        try {
            int applied = ShelfwiseSchema.migrate(dataSource);
            if (applied > 0) {
                LOG.info("Shelfwise event store: applied " + applied + " schema migration(s)");
            }
            writer = settings.build();
        } catch (RuntimeException e) {
            LOG.error("Shelfwise event capture is OFF: the event store could not be set up: " + e.getMessage(), e);
            // the health page's alarm: the same gauge a failing writer shows, for as long as this node runs
            double since = clock.millis() / 1000.0;
            Gauge.builder(EventWriter.FAILING_GAUGE, () -> since)
                    .tag("error", "Capture is off: the event store could not be set up at start: "
                            + EventWriter.rootMessage(e))
                    .register(registry);
        }
    }

    /**
     * Hands an event to the writer; never blocks and never throws.
     *
     * @return {@code false} if it was dropped (capture off, queue full, opted out)
     */
    public boolean record(InteractionEvent event) {
        EventWriter current = writer;
        if (current == null) {
            registry.counter("shelfwise.events.dropped", "reason", "capture_off").increment();
            return false;
        }
        boolean accepted = current.offer(event);
        if (accepted) {
            for (Consumer<InteractionEvent> listener : listeners) {
                try {
                    listener.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("Shelfwise: an event listener failed: " + e);
                }
            }
        }
        return accepted;
    }

    /**
     * Also hands every accepted event to {@code listener}, on the recording thread, before it is stored (serving
     * uses this so a click counts within the same request). Listeners must be quick and must not block.
     */
    public void addListener(Consumer<InteractionEvent> listener) {
        listeners.add(listener);
    }

    /** The store, for reads (snapshots, export, erase) and bulk imports. */
    public JdbcEventStore store() {
        return store;
    }

    /** The writer, or {@code null} while capture is off. */
    public EventWriter writer() {
        return writer;
    }

    public Clock clock() {
        return clock;
    }

    @Override
    public void close() throws InterruptedException {
        EventWriter current = writer;
        writer = null;
        if (current != null) {
            current.close();
        }
    }
}
