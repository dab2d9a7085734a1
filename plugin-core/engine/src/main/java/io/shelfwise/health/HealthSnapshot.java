package io.shelfwise.health;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The plugin's health at one moment, for the admin's health page: event intake, cache hit rates, recommendation
 * latency per placement, model failures and the last training run of each strategy. Plain immutable values; a
 * figure that is not known (no sample old enough for a rate, a timer never used) is {@code null} or absent.
 */
public final class HealthSnapshot {

    private final Instant takenAt;
    private final EventIntake events;
    private final Map<String, CacheHealth> caches;
    private final List<PlacementLatency> latencies;
    private final Map<String, Double> modelFailures;
    private final List<TrainingStatus> training;

    public HealthSnapshot(Instant takenAt, EventIntake events, Map<String, CacheHealth> caches,
                   List<PlacementLatency> latencies, Map<String, Double> modelFailures,
                   List<TrainingStatus> training) {
        this.takenAt = takenAt;
        this.events = events;
        this.caches = Collections.unmodifiableMap(caches);
        this.latencies = Collections.unmodifiableList(latencies);
        this.modelFailures = Collections.unmodifiableMap(modelFailures);
        this.training = Collections.unmodifiableList(training);
    }

    public Instant takenAt() {
        return takenAt;
    }

    public EventIntake events() {
        return events;
    }

    /** Hit rates by cache name ({@code recommendations}, {@code shopper-histories}...). */
    public Map<String, CacheHealth> caches() {
        return caches;
    }

    /** Recommendation latency per placement, computed and cached lists apart, sorted by placement. */
    public List<PlacementLatency> latencies() {
        return latencies;
    }

    /** Model failures while serving (the chain fell back), by strategy, since start. */
    public Map<String, Double> modelFailures() {
        return modelFailures;
    }

    /** The latest run (training or upload) of each strategy, sorted by strategy. */
    public List<TrainingStatus> training() {
        return training;
    }

    /**
     * Events captured: totals since this node started, rates per minute over the recent window, and whether the
     * event store is taking them now.
     */
    public static final class EventIntake {
        private final double accepted;
        private final double written;
        private final Map<String, Double> droppedByReason;
        private final double queued;
        private final Duration rateWindow;
        private final Double writtenPerMinute;
        private final Double droppedPerMinute;
        private final Instant failingSince;
        private final String storeError;
        private final double writeFailures;

        /** Intake of a node whose events are being stored. */
        public EventIntake(double accepted, double written, Map<String, Double> droppedByReason, double queued,
                    Duration rateWindow, Double writtenPerMinute, Double droppedPerMinute) {
            this(accepted, written, droppedByReason, queued, rateWindow, writtenPerMinute, droppedPerMinute, null,
                    null, 0);
        }

        /**
         * @param failingSince  when events stopped being stored, or {@code null} while they are
         * @param storeError    why, in the database's words; {@code null} while storing
         * @param writeFailures failed writes since the node started
         */
        public EventIntake(double accepted, double written, Map<String, Double> droppedByReason, double queued,
                    Duration rateWindow, Double writtenPerMinute, Double droppedPerMinute, Instant failingSince,
                    String storeError, double writeFailures) {
            this.accepted = accepted;
            this.written = written;
            this.droppedByReason = Collections.unmodifiableMap(droppedByReason);
            this.queued = queued;
            this.rateWindow = rateWindow;
            this.writtenPerMinute = writtenPerMinute;
            this.droppedPerMinute = droppedPerMinute;
            this.failingSince = failingSince;
            this.storeError = storeError;
            this.writeFailures = writeFailures;
        }

        /** True while events are being stored (and on reports of nodes from before this was reported). */
        public boolean storing() {
            return failingSince == null;
        }

        /** When the event store stopped taking this node's events, or {@code null} while it takes them. */
        public Instant failingSince() {
            return failingSince;
        }

        /** Why events are not being stored (the database's error, one line), or {@code null} while they are. */
        public String storeError() {
            return storeError;
        }

        /** Failed writes to the event store since the node started (each retried). */
        public double writeFailures() {
            return writeFailures;
        }

        public double accepted() {
            return accepted;
        }

        public double written() {
            return written;
        }

        /** All dropped events: queue full, capture closed, shopper opted out, capture off. */
        public double dropped() {
            double total = 0;
            for (double n : droppedByReason.values()) {
                total += n;
            }
            return total;
        }

        /** Dropped events by reason ({@code queue_full}, {@code closed}, {@code opted_out}, {@code capture_off}). */
        public Map<String, Double> droppedByReason() {
            return droppedByReason;
        }

        /** Events waiting in memory to be stored now (lost if the node is killed). */
        public double queued() {
            return queued;
        }

        /** The span the rates were measured over (up to the configured window); {@code null} with no rate. */
        public Duration rateWindow() {
            return rateWindow;
        }

        /** Events written to the store per minute over {@link #rateWindow()}, or {@code null} when not yet known. */
        public Double writtenPerMinute() {
            return writtenPerMinute;
        }

        /** Events dropped per minute over {@link #rateWindow()}, or {@code null} when not yet known. */
        public Double droppedPerMinute() {
            return droppedPerMinute;
        }
    }

    /** One cache's use since start. */
    public static final class CacheHealth {
        private final long hits;
        private final long misses;
        private final long evictions;

        public CacheHealth(long hits, long misses, long evictions) {
            this.hits = hits;
            this.misses = misses;
            this.evictions = evictions;
        }

        public long hits() {
            return hits;
        }

        public long misses() {
            return misses;
        }

        public long evictions() {
            return evictions;
        }

        /** Hits over lookups, or {@code null} before the first lookup. */
        public Double hitRate() {
            long lookups = hits + misses;
            return lookups == 0 ? null : hits / (double) lookups;
        }
    }

    /**
     * One placement's recommendation latency, from the {@code shelfwise.recommend} timer: the count and mean since
     * start, and percentiles over Micrometer's sliding window (the last two minutes or so).
     */
    public static final class PlacementLatency {
        private final String placement;
        private final boolean cached;
        private final long count;
        private final double meanMillis;
        private final double maxMillis;
        private final Double p50Millis;
        private final Double p95Millis;
        private final Double p99Millis;

        public PlacementLatency(String placement, boolean cached, long count, double meanMillis, double maxMillis,
                         Double p50Millis, Double p95Millis, Double p99Millis) {
            this.placement = placement;
            this.cached = cached;
            this.count = count;
            this.meanMillis = meanMillis;
            this.maxMillis = maxMillis;
            this.p50Millis = p50Millis;
            this.p95Millis = p95Millis;
            this.p99Millis = p99Millis;
        }

        public String placement() {
            return placement;
        }

        /** True for lists served from the result cache; false for computed ones (model latency). */
        public boolean cached() {
            return cached;
        }

        public long count() {
            return count;
        }

        public double meanMillis() {
            return meanMillis;
        }

        /** The slowest request in the recent window. */
        public double maxMillis() {
            return maxMillis;
        }

        /** {@code null} when the timer publishes no percentiles. */
        public Double p50Millis() {
            return p50Millis;
        }

        public Double p95Millis() {
            return p95Millis;
        }

        public Double p99Millis() {
            return p99Millis;
        }
    }

    /** The latest run of a strategy as the model registry records it. */
    public static final class TrainingStatus {
        private final String strategy;
        private final String label;
        private final String status;
        private final Instant startedAt;
        private final Instant completedAt;
        private final Duration duration;
        private final String message;
        private final Double progress;

        public TrainingStatus(String strategy, String label, String status, Instant startedAt, Instant completedAt,
                       Duration duration, String message, Double progress) {
            this.strategy = strategy;
            this.label = label;
            this.status = status;
            this.startedAt = startedAt;
            this.completedAt = completedAt;
            this.duration = duration;
            this.message = message;
            this.progress = progress;
        }

        public String strategy() {
            return strategy;
        }

        /** {@code strategy@version}. */
        public String label() {
            return label;
        }

        /** {@code TRAINING}, {@code READY} or {@code FAILED}. */
        public String status() {
            return status;
        }

        public Instant startedAt() {
            return startedAt;
        }

        /** {@code null} while training. */
        public Instant completedAt() {
            return completedAt;
        }

        /** The training time recorded, else completion minus start; {@code null} while training. */
        public Duration duration() {
            return duration;
        }

        /** Why it failed, or its last progress note; may be {@code null}. */
        public String message() {
            return message;
        }

        public Double progress() {
            return progress;
        }
    }
}
