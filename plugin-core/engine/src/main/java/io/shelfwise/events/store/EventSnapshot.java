package io.shelfwise.events.store;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * The events of a time window as they stood when the snapshot was taken (cut at an event id), for a trainer to
 * read once or several times, each time streamed from the database rather than held in memory. Immutable;
 * reading is thread-safe.
 */
public final class EventSnapshot {

    private final JdbcEventStore store;
    private final Instant from;
    private final Instant to;
    private final long upToEventId;
    private final Instant takenAt;

    EventSnapshot(JdbcEventStore store, Instant from, Instant to, long upToEventId, Instant takenAt) {
        this.store = store;
        this.from = from;
        this.to = to;
        this.upToEventId = upToEventId;
        this.takenAt = takenAt;
    }

    /** Streams the events in id order (the order they were recorded). */
    public void forEach(Consumer<StoredEvent> sink) {
        store.read(this, sink);
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** Events with a larger id were recorded after the snapshot and are not part of it. */
    public long upToEventId() {
        return upToEventId;
    }

    public Instant takenAt() {
        return takenAt;
    }
}
