package io.shelfwise.broadleaf;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.capture.EventCapture;

import java.time.Clock;
import javax.sql.DataSource;

/**
 * Factory methods for the capture beans of {@code bl-shelfwise-applicationContext.xml}. They exist so that the
 * Spring XML names only classes compiled for Java 8: Broadleaf's Spring 3.2 inspects bean classes with an ASM
 * that cannot read the JDK's own (newer) class files, such as {@link Clock}.
 */
public final class CaptureComponents {

    private CaptureComponents() {
    }

    /**
     * The capture pipeline on the store's database, with the system clock and a meter registry of its own.
     *
     * @param capacity        events that may wait in memory for the database
     * @param batchSize       events per database batch
     * @param flushIntervalMs longest wait of a lone event before it is written
     */
    public static EventCapture eventCapture(DataSource dataSource, int capacity, int batchSize, long flushIntervalMs) {
        return eventCapture(dataSource, capacity, batchSize, flushIntervalMs, new SimpleMeterRegistry());
    }

    /** As above, counting into {@code meters} (the registry the admin's health page reads). */
    public static EventCapture eventCapture(DataSource dataSource, int capacity, int batchSize, long flushIntervalMs,
                                            MeterRegistry meters) {
        return new EventCapture(dataSource, Clock.systemUTC(), meters, capacity, batchSize, flushIntervalMs);
    }

    /** The meter registry Shelfwise's components record into (capture, serving), read by the health page. */
    public static MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
