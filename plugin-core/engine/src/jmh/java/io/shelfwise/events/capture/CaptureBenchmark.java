package io.shelfwise.events.capture;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * What capture adds to a request thread: building an event and handing it to the {@link EventWriter} (whose
 * thread writes to a real database meanwhile), against a baseline of offering the same event to a plain bounded
 * queue. Sample-time mode, so JMH reports percentiles (p50, p99, p99.9).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(java.util.concurrent.TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@State(Scope.Benchmark)
public class CaptureBenchmark {

    /**
     * hsqldb (in memory), hsqldb-file (files in a temporary folder, like the demo store), postgresql (needs
     * SHELFWISE_PG_URL: scripts/postgres.sh start).
     */
    @Param({"hsqldb-file"})
    public String database;

    private EventWriter writer;
    private ArrayBlockingQueue<InteractionEvent> baselineQueue;
    private final AtomicLong sequence = new AtomicLong();
    private final ShopperKey shopper = ShopperKey.visitor("bench-0000-1111");
    private final Instant at = Instant.parse("2026-11-23T12:00:00Z");

    @Setup(Level.Trial)
    public void start() {
        DataSource ds;
        if ("postgresql".equals(database)) {
            ds = TestDatabases.postgresOrNull();
        } else if ("hsqldb-file".equals(database)) {
            ds = hsqldbFile();
        } else {
            ds = TestDatabases.hsqldb();
        }
        if (ds == null) {
            throw new IllegalStateException("database=postgresql needs SHELFWISE_PG_URL (scripts/postgres.sh start)");
        }
        ShelfwiseSchema.migrate(ds);
        writer = EventWriter.builder(new JdbcEventStore(ds, Clock.systemUTC())).capacity(100_000).build();
        baselineQueue = new ArrayBlockingQueue<>(100_000);
    }

    private static DataSource hsqldbFile() {
        try {
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("shelfwise-bench-db");
            org.apache.commons.dbcp.BasicDataSource ds = new org.apache.commons.dbcp.BasicDataSource();
            ds.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
            ds.setUrl("jdbc:hsqldb:file:" + dir.resolve("events") + ";shutdown=true;hsqldb.write_delay=false");
            ds.setUsername("SA");
            ds.setPassword("");
            return ds;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws InterruptedException {
        writer.close();
    }

    @TearDown(Level.Iteration)
    public void drainBaseline() {
        baselineQueue.clear();
    }

    private InteractionEvent event() {
        long n = sequence.incrementAndGet();
        return InteractionEvent.builder(EventType.CART_ADD, shopper, at.plusMillis(n))
                .item(Long.toString(n % 2300)).quantity(1).unitPrice(new BigDecimal("2.55"))
                .sessionId("0123456789abcdef0123456789abcdef").build();
    }

    /** Baseline: build the event and offer it to a bounded queue nobody reads. */
    @Benchmark
    public boolean baselineQueueOffer() {
        boolean accepted = baselineQueue.offer(event());
        if (!accepted) {
            baselineQueue.clear();
        }
        return accepted;
    }

    /** The capture path: build the event and offer it to the writer, which writes to the database meanwhile. */
    @Benchmark
    public boolean captureOffer() {
        return writer.offer(event());
    }

    /**
     * Sustained writing: one operation is 1,000 events accepted by the writer, each retried until the bounded
     * queue has room. Once the queue is full this runs at the database's pace, so events/s = ops/s x 1,000.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(java.util.concurrent.TimeUnit.SECONDS)
    public int sustainedWrite1000() throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            InteractionEvent event = event();
            while (!writer.offer(event)) {
                Thread.sleep(1);
            }
        }
        return 1000;
    }
}
