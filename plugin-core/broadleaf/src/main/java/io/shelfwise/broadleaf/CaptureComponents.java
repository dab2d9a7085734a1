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
     * Event capture into the plugin's tables of {@code dataSource}, counting into {@code meters} (the registry the
     * admin's health page reads), on the store's {@code clock}.
     *
     * @param capacity        events that may wait in memory for the database
     * @param batchSize       events written per batch
     * @param flushIntervalMs longest wait of a lone event before it is written
     */
    public static EventCapture eventCapture(DataSource dataSource, int capacity, int batchSize, long flushIntervalMs,
                                            MeterRegistry meters, Clock clock) {
        return new EventCapture(dataSource, clock, meters, capacity, batchSize, flushIntervalMs);
    }

    /** The meter registry Shelfwise's components record into (capture, serving), read by the health page. */
    public static MeterRegistry meterRegistry() {
        return new SimpleMeterRegistry();
    }
}
