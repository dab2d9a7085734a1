package io.shelfwise.broadleaf;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.events.store.TestDatabases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real {@link EventCapture} on a fresh in-memory HSQLDB, for the hooks' tests: every event the capture accepts is
 * also kept here, in order, on the recording thread (through the capture's own listener), so a test sees exactly
 * what a hook handed over without waiting for the writer.
 */
final class RecordedEvents implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-20T10:15:00Z");

    final EventCapture capture;
    private final List<InteractionEvent> events = new CopyOnWriteArrayList<>();

    RecordedEvents() {
        capture = new EventCapture(TestDatabases.hsqldb(), Clock.fixed(NOW, ZoneOffset.UTC), new SimpleMeterRegistry(),
                1_000, 100, 50);
        capture.start();
        capture.addListener(events::add);
    }

    List<InteractionEvent> events() {
        return events;
    }

    @Override
    public void close() throws InterruptedException {
        capture.close();
    }
}
