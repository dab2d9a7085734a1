package io.shelfwise.health;

import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.shelfwise.health.HealthSnapshot.CacheHealth;
import io.shelfwise.health.HealthSnapshot.EventIntake;
import io.shelfwise.health.HealthSnapshot.PlacementLatency;
import io.shelfwise.health.HealthSnapshot.TrainingStatus;
import io.shelfwise.internal.RepeatingTask;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Builds {@link HealthSnapshot}s from the meter registry the plugin's components record into (event counters, the
 * event writer's failure gauge and counter, {@code shelfwise.recommend} timers, model failures), the caches'
 * statistics and the model registry. Event rates
 * come from samples of the counters: {@link #sample()} (every minute once {@link #start started}, and at each
 * snapshot) keeps those of the last {@code window}, and a rate is measured from the oldest of them to now.
 * Thread-safe.
 */
public final class HealthMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMonitor.class);
    /**
     * Registered by the event writer (and capture, when it is off) while events are not being stored: valued at
     * the failure's start in epoch seconds, tagged {@code error} with the database's words.
     */
    static final String FAILING_GAUGE = "shelfwise.events.store.failing";

    private final MeterRegistry meters;
    private final ModelRegistry models;
    private final Map<String, Supplier<CacheStats>> caches;
    private final Clock clock;
    private final Duration window;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final RepeatingTask scheduler;

    /**
     * @param meters the registry the event writer, capture and recommender record into
     * @param caches cache statistics by the name to show ({@code recommendations}...), in display order
     * @param window how far back event rates are measured (e.g. 15 minutes)
     */
    public HealthMonitor(MeterRegistry meters, ModelRegistry models, Map<String, Supplier<CacheStats>> caches,
                         Clock clock, Duration window) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.models = Objects.requireNonNull(models, "models");
        this.caches = new LinkedHashMap<>(Objects.requireNonNull(caches, "caches"));
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The event rate window must be positive, was " + window);
        }
        this.window = window;
        this.scheduler = new RepeatingTask("shelfwise-health");
    }

    /** Samples the event counters now, then every {@code interval}. */
    public void start(Duration interval) {
        sample();
        scheduler.every(interval, this::sample, LOG,
                "Shelfwise: cannot sample the event counters");
    }

    /** Records the event counters' totals now, and forgets samples older than the window. */
    public synchronized void sample() {
        Instant now = clock.instant();
        samples.addLast(new Sample(now, total("shelfwise.events.written"), dropped()));
        // keep the newest sample at or before the window's start, so a rate always spans the whole window
        while (samples.size() > 1) {
            Sample second = samples.stream().skip(1).findFirst().get();
            if (second.at.isAfter(now.minus(window))) {
                break;
            }
            samples.removeFirst();
        }
    }

    /**
     * The health now, including whether events are being stored. Reads the model registry (one query); a registry
     * failure leaves the training list empty rather than failing (use {@link #training()} to tell).
     */
    public HealthSnapshot snapshot() {
        sample();
        Instant now = clock.instant();
        List<TrainingStatus> training;
        try {
            training = training();
        } catch (RuntimeException e) {
            LOG.warn("Shelfwise: health: cannot read the model registry: " + e.getMessage());
            training = new ArrayList<>();
        }
        return new HealthSnapshot(now, events(now), cacheHealth(), latencies(), failures(), training);
    }

    private synchronized EventIntake events(Instant now) {
        Sample latest = samples.peekLast();
        Sample oldest = samples.peekFirst();
        Duration span = oldest == null ? Duration.ZERO : Duration.between(oldest.at, latest.at);
        Double writtenRate = null;
        Double droppedRate = null;
        if (!span.isZero() && !span.isNegative()) {
            double minutes = span.toMillis() / 60_000.0;
            writtenRate = Math.max(0, latest.written - oldest.written) / minutes;
            droppedRate = Math.max(0, latest.dropped - oldest.dropped) / minutes;
        }
        Map<String, Double> byReason = new TreeMap<>();
        for (Counter counter : meters.find("shelfwise.events.dropped").counters()) {
            String reason = counter.getId().getTag("reason");
            byReason.merge(reason == null ? "unknown" : reason, counter.count(), Double::sum);
        }
        double queued = 0;
        for (Gauge gauge : meters.find("shelfwise.events.queued").gauges()) {
            queued += gauge.value();
        }
        Instant failingSince = null;
        String storeError = null;
        for (Gauge gauge : meters.find(FAILING_GAUGE).gauges()) {
            double since = gauge.value();
            if (Double.isNaN(since)) {
                continue;
            }
            Instant at = Instant.ofEpochMilli(Math.round(since * 1000));
            if (failingSince == null || at.isBefore(failingSince)) {
                failingSince = at;
                storeError = gauge.getId().getTag("error");
            }
        }
        return new EventIntake(total("shelfwise.events.accepted"), total("shelfwise.events.written"), byReason,
                queued, writtenRate == null ? null : span, writtenRate, droppedRate, failingSince, storeError,
                total("shelfwise.events.write.failures"));
    }

    private double total(String counterName) {
        double total = 0;
        for (Counter counter : meters.find(counterName).counters()) {
            total += counter.count();
        }
        return total;
    }

    private double dropped() {
        return total("shelfwise.events.dropped");
    }

    private Map<String, CacheHealth> cacheHealth() {
        Map<String, CacheHealth> health = new LinkedHashMap<>();
        for (Map.Entry<String, Supplier<CacheStats>> e : caches.entrySet()) {
            CacheStats stats = e.getValue().get();
            health.put(e.getKey(), new CacheHealth(stats.hitCount(), stats.missCount(), stats.evictionCount()));
        }
        return health;
    }

    private List<PlacementLatency> latencies() {
        List<PlacementLatency> latencies = new ArrayList<>();
        for (Timer timer : meters.find("shelfwise.recommend").timers()) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            Double p50 = null;
            Double p95 = null;
            Double p99 = null;
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                double millis = value.value(TimeUnit.MILLISECONDS);
                if (Math.abs(value.percentile() - 0.5) < 1e-9) {
                    p50 = millis;
                } else if (Math.abs(value.percentile() - 0.95) < 1e-9) {
                    p95 = millis;
                } else if (Math.abs(value.percentile() - 0.99) < 1e-9) {
                    p99 = millis;
                }
            }
            latencies.add(new PlacementLatency(timer.getId().getTag("placement"),
                    Boolean.parseBoolean(timer.getId().getTag("cached")), snapshot.count(),
                    snapshot.mean(TimeUnit.MILLISECONDS), snapshot.max(TimeUnit.MILLISECONDS), p50, p95, p99));
        }
        latencies.sort((a, b) -> {
            int byName = String.valueOf(a.placement()).compareTo(String.valueOf(b.placement()));
            return byName != 0 ? byName : Boolean.compare(a.cached(), b.cached());
        });
        return latencies;
    }

    private Map<String, Double> failures() {
        Map<String, Double> failures = new TreeMap<>();
        for (Counter counter : meters.find("shelfwise.recommend.model.failures").counters()) {
            failures.merge(String.valueOf(counter.getId().getTag("strategy")), counter.count(), Double::sum);
        }
        return failures;
    }

    /**
     * The latest run of every strategy, from the model registry, sorted by strategy.
     *
     * @throws RuntimeException what the registry throws when its database cannot be read
     */
    public List<TrainingStatus> training() {
        List<ModelVersion> versions = models.versions();
        Map<String, TrainingStatus> latest = new TreeMap<>();
        for (ModelVersion v : versions) {
            // newest first: the first of each strategy is its latest run
            if (latest.containsKey(v.strategy())) {
                continue;
            }
            Duration duration = v.trainSeconds() != null
                    ? Duration.ofMillis(Math.round(v.trainSeconds() * 1000))
                    : v.completedAt() == null ? null : Duration.between(v.createdAt(), v.completedAt());
            latest.put(v.strategy(), new TrainingStatus(v.strategy(), v.label(), v.status().name(), v.createdAt(),
                    v.completedAt(), duration, v.message(), v.progress()));
        }
        return new ArrayList<>(latest.values());
    }

    @Override
    public void close() {
        scheduler.close();
    }

    private static final class Sample {
        final Instant at;
        final double written;
        final double dropped;

        Sample(Instant at, double written, double dropped) {
            this.at = at;
            this.written = written;
            this.dropped = dropped;
        }
    }
}
