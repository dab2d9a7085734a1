package io.shelfwise.events.capture;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The asynchronous writer against a real HSQLDB, which the tests can take "down" and bring back. */
class EventWriterTest {

    private static final ShopperKey VISITOR = ShopperKey.visitor("bbbbbbbb-2222");

    private static InteractionEvent view(int i) {
        return InteractionEvent.builder(EventType.PRODUCT_VIEW, VISITOR, Instant.parse("2026-11-01T09:00:00Z").plusMillis(i))
                .item(Integer.toString(i)).build();
    }

    @Test
    void writesEverythingOfferedInBatches() throws Exception {
        Outage db = new Outage(TestDatabases.hsqldb());
        JdbcEventStore store = store(db);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (EventWriter writer = EventWriter.builder(store).batchSize(100).meterRegistry(metrics).build()) {
            for (int i = 0; i < 1000; i++) {
                assertThat(writer.offer(view(i))).isTrue();
            }
            assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(store.count()).isEqualTo(1000);
        assertThat(metrics.counter("shelfwise.events.written").count()).isEqualTo(1000);
        assertThat(metrics.counter("shelfwise.events.accepted").count()).isEqualTo(1000);
    }

    @Test
    void aDatabaseOutageLosesOnlyWhatOverflowsTheQueueAndRecoversByItself() throws Exception {
        Outage db = new Outage(TestDatabases.hsqldb());
        JdbcEventStore store = store(db);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        try (EventWriter writer = EventWriter.builder(store).capacity(50).batchSize(10)
                .maxBackoff(Duration.ofMillis(50)).meterRegistry(metrics).build()) {
            db.down = true;
            int accepted = 0;
            for (int i = 0; i < 200; i++) {
                long start = System.nanoTime();
                if (writer.offer(view(i))) {
                    accepted++;
                }
                assertThat(System.nanoTime() - start).as("offer never waits for the database")
                        .isLessThan(Duration.ofSeconds(1).toNanos());
            }
            assertThat(accepted).as("the capacity bounds the events in memory, the batch being written included")
                    .isEqualTo(50);
            assertThat(metrics.counter("shelfwise.events.dropped", "reason", "queue_full").count())
                    .isEqualTo(200 - accepted);

            // the writer meets the outage (on a busy machine its thread may take a while to try)
            for (int i = 0; i < 200 && metrics.counter("shelfwise.events.write.failures").count() == 0; i++) {
                Thread.sleep(50);
            }
            assertThat(metrics.counter("shelfwise.events.write.failures").count()).isPositive();
            EventWriter.Status failing = writer.status();
            assertThat(failing.storing()).isFalse();
            assertThat(failing.error()).matches("The database refused (an event|\\d+ events): Connection refused "
                    + "\\(database down for the test\\)");
            assertThat(failing.waiting()).isEqualTo(50);
            assertThat(failing.dropped()).isEqualTo(150);

            db.down = false;
            assertThat(writer.flush(Duration.ofSeconds(30))).isTrue();
            assertThat(store.count()).isEqualTo(accepted);
            assertThat(writer.status().storing()).isTrue();
            assertThat(writer.queued()).isZero();
        }
    }

    @Test
    void closeWritesWhatIsQueuedAndThenRefusesEvents() throws Exception {
        Outage db = new Outage(TestDatabases.hsqldb());
        JdbcEventStore store = store(db);
        EventWriter writer = EventWriter.builder(store).flushInterval(Duration.ofSeconds(5)).build();
        for (int i = 0; i < 300; i++) {
            writer.offer(view(i));
        }
        writer.close();

        assertThat(store.count()).isEqualTo(300);
        assertThat(writer.offer(view(301))).isFalse();
    }

    @Test
    void optedOutShoppersAreNotCaptured() throws Exception {
        Outage db = new Outage(TestDatabases.hsqldb());
        JdbcEventStore store = store(db);
        try (EventWriter writer = EventWriter.builder(store).build()) {
            writer.optOut(VISITOR);
            assertThat(writer.offer(view(1))).isFalse();
            writer.optIn(VISITOR);
            assertThat(writer.offer(view(2))).isTrue();
            writer.flush(Duration.ofSeconds(10));
        }
        assertThat(store.count()).isEqualTo(1);
    }

    @Test
    void settingsOutOfRangeAreRefusedWithWhatToFix() {
        JdbcEventStore store = store(new Outage(TestDatabases.hsqldb()));
        assertThatThrownBy(() -> EventWriter.builder(store).capacity(0).build()).hasMessageContaining("capacity must be");
        assertThatThrownBy(() -> EventWriter.builder(store).capacity(10).batchSize(11).build())
                .hasMessageContaining("batchSize must be between 1 and capacity (10)");
        assertThatThrownBy(() -> EventWriter.builder(store).flushInterval(Duration.ZERO).build())
                .hasMessageContaining("flushInterval must be positive");
    }

    private static JdbcEventStore store(DataSource ds) {
        ShelfwiseSchema.migrate(ds);
        return new JdbcEventStore(ds, Clock.systemUTC());
    }

    /** The real database behind a switch: while {@code down}, connections are refused as by a stopped server. */
    static final class Outage implements DataSource {
        private final DataSource real;
        volatile boolean down;

        Outage(DataSource real) {
            this.real = real;
        }

        @Override
        public Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (database down for the test)");
            }
            return real.getConnection();
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return real.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            real.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            real.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return real.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return real.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return real.isWrapperFor(type);
        }
    }
}
