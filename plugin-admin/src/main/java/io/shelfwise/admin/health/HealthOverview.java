package io.shelfwise.admin.health;

import io.shelfwise.health.HealthSnapshot;
import io.shelfwise.health.NodeHealthReport;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Health page shows, from the nodes' reports: the nodes whose events are not being stored (the page's
 * alarm), one row per node (intake, queue, drops, cache hit rates, model failures; flagged when it has stopped
 * reporting), latency per node and placement, and chart series over time: events written and dropped per minute
 * over all nodes, and the slowest node's p99 of computed lists per placement.
 */
public final class HealthOverview {

    /** A node that has not reported for this long is shown as not reporting. */
    public static final Duration STALE = Duration.ofMinutes(5);

    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<LatencyRow> latencies = new ArrayList<>();

    public HealthOverview(List<NodeHealthReport> latestPerNode, Instant now) {
        for (NodeHealthReport report : latestPerNode) {
            boolean stale = Duration.between(report.takenAt(), now).compareTo(STALE) > 0;
            nodes.add(new NodeRow(report, now, stale));
            for (HealthSnapshot.PlacementLatency latency : report.snapshot().latencies()) {
                latencies.add(new LatencyRow(report.node(), stale, latency));
            }
        }
    }

    public List<NodeRow> getNodes() {
        return nodes;
    }

    public List<LatencyRow> getLatencies() {
        return latencies;
    }

    /** The nodes whose latest report says their events are not being stored, in the order of {@link #getNodes()}. */
    public List<NodeRow> getFailingNodes() {
        List<NodeRow> failing = new ArrayList<>();
        for (NodeRow node : nodes) {
            if (node.isFailing()) {
                failing.add(node);
            }
        }
        return failing;
    }

    public boolean isAnyNodeReporting() {
        for (NodeRow node : nodes) {
            if (!node.stale) {
                return true;
            }
        }
        return false;
    }

    /**
     * Chart data from every report since {@code since}, by minute: {@code minutes} (epoch seconds), {@code written}
     * and {@code dropped} (events in that minute over all nodes, from the differences of each node's totals; a node
     * that started within the period counts from zero, as does one that restarted), {@code p99} (by placement, the
     * highest p99 of computed lists a node reported in that minute, among nodes that computed any since their
     * previous report; {@code null} where none did).
     */
    public static Map<String, Object> series(List<NodeHealthReport> oldestFirst, Instant since) {
        TreeMap<Long, double[]> events = new TreeMap<>();
        Map<String, TreeMap<Long, Double>> p99 = new TreeMap<>();
        Map<String, NodeHealthReport> previous = new LinkedHashMap<>();
        Map<String, Long> previousCounts = new LinkedHashMap<>();
        for (NodeHealthReport report : oldestFirst) {
            long minute = report.takenAt().truncatedTo(ChronoUnit.MINUTES).getEpochSecond();
            double[] bucket = events.computeIfAbsent(minute, m -> new double[2]);
            NodeHealthReport before = previous.put(report.node(), report);
            HealthSnapshot.EventIntake now = report.snapshot().events();
            boolean fromZero = before == null ? !report.startedAt().isBefore(since)
                    : !before.startedAt().equals(report.startedAt());
            if (fromZero) {
                bucket[0] += now.written();
                bucket[1] += now.dropped();
            } else if (before != null) {
                HealthSnapshot.EventIntake then = before.snapshot().events();
                bucket[0] += Math.max(0, now.written() - then.written());
                bucket[1] += Math.max(0, now.dropped() - then.dropped());
            }
            for (HealthSnapshot.PlacementLatency latency : report.snapshot().latencies()) {
                if (latency.cached() || latency.placement() == null) {
                    continue;
                }
                Long countBefore = previousCounts.put(report.node() + "\n" + latency.placement(), latency.count());
                // percentiles cover the last minutes; with no list computed since the last report they say nothing
                boolean computedSince = countBefore == null ? fromZero || before != null
                        : latency.count() != countBefore;
                if (computedSince && latency.p99Millis() != null) {
                    p99.computeIfAbsent(latency.placement(), p -> new TreeMap<>())
                            .merge(minute, latency.p99Millis(), Math::max);
                }
            }
        }
        List<Long> minutes = new ArrayList<>(events.keySet());
        List<Double> written = new ArrayList<>();
        List<Double> dropped = new ArrayList<>();
        for (double[] bucket : events.values()) {
            written.add(bucket[0]);
            dropped.add(bucket[1]);
        }
        Map<String, List<Double>> p99Series = new TreeMap<>();
        for (Map.Entry<String, TreeMap<Long, Double>> placement : p99.entrySet()) {
            List<Double> values = new ArrayList<>();
            for (Long minute : minutes) {
                values.add(placement.getValue().get(minute));
            }
            p99Series.put(placement.getKey(), values);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("minutes", minutes);
        series.put("written", written);
        series.put("dropped", dropped);
        series.put("p99", p99Series);
        return series;
    }

    /** One node's latest report. */
    public static final class NodeRow {
        private final NodeHealthReport report;
        private final Instant now;
        private final long ageSeconds;
        private final boolean stale;
        private final List<CacheRow> caches = new ArrayList<>();

        NodeRow(NodeHealthReport report, Instant now, boolean stale) {
            this.report = report;
            this.now = now;
            this.ageSeconds = Math.max(0, Duration.between(report.takenAt(), now).getSeconds());
            this.stale = stale;
            for (Map.Entry<String, HealthSnapshot.CacheHealth> cache : report.snapshot().caches().entrySet()) {
                caches.add(new CacheRow(cache.getKey(), cache.getValue()));
            }
        }

        public String getNode() {
            return report.node();
        }

        public String getRole() {
            return report.role();
        }

        public Instant getReportedAt() {
            return report.takenAt();
        }

        public Instant getStartedAt() {
            return report.startedAt();
        }

        /** "12 s ago", "7 min ago". */
        public String getAge() {
            return ageSeconds < 120 ? ageSeconds + " s ago" : (ageSeconds / 60) + " min ago";
        }

        public boolean isStale() {
            return stale;
        }

        public HealthSnapshot.EventIntake getEvents() {
            return report.snapshot().events();
        }

        public List<CacheRow> getCaches() {
            return caches;
        }

        public Map<String, Double> getModelFailures() {
            return report.snapshot().modelFailures();
        }

        /** True when the node's latest report says its events are not being stored. */
        public boolean isFailing() {
            return !getEvents().storing();
        }

        /** When the node's events stopped being stored, or {@code null} while they are. */
        public Instant getFailingSince() {
            return getEvents().failingSince();
        }

        /** "for 3 min": from the failure's start to now, or {@code null} while storing. */
        public String getFailingFor() {
            Instant since = getFailingSince();
            return since == null ? null : "for " + span(Duration.between(since, now));
        }

        /** The database's error as the node reported it, or {@code null} while storing. */
        public String getStoreError() {
            return getEvents().storeError();
        }

        /** Events the node holds in memory, waiting to be stored. */
        public long getWaiting() {
            return Math.round(getEvents().queued());
        }

        /** Events dropped since the node started because they could not be stored (queue full, capture off). */
        public long getDroppedUnstored() {
            Map<String, Double> byReason = getEvents().droppedByReason();
            return Math.round(orZero(byReason.get("queue_full")) + orZero(byReason.get("capture_off")));
        }

        /** Failed writes to the event store since the node started. */
        public long getWriteFailures() {
            return Math.round(getEvents().writeFailures());
        }

        private static double orZero(Double value) {
            return value == null ? 0 : value;
        }

        private static String span(Duration d) {
            long seconds = Math.max(0, d.getSeconds());
            if (seconds < 120) {
                return seconds + " s";
            }
            if (seconds < 2 * 3600) {
                return (seconds / 60) + " min";
            }
            return (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
        }
    }

    /** A cache's hit rate on one node. */
    public static final class CacheRow {
        private final String name;
        private final HealthSnapshot.CacheHealth health;

        CacheRow(String name, HealthSnapshot.CacheHealth health) {
            this.name = name;
            this.health = health;
        }

        public String getName() {
            return name;
        }

        public HealthSnapshot.CacheHealth getHealth() {
            return health;
        }

        /** "93.1%", or "no look-ups yet". */
        public String getHitRateText() {
            Double rate = health.hitRate();
            return rate == null ? "no look-ups yet" : String.format(java.util.Locale.ROOT, "%.1f%%", rate * 100);
        }
    }

    /** One placement's latency on one node. */
    public static final class LatencyRow {
        private final String node;
        private final boolean stale;
        private final HealthSnapshot.PlacementLatency latency;

        LatencyRow(String node, boolean stale, HealthSnapshot.PlacementLatency latency) {
            this.node = node;
            this.stale = stale;
            this.latency = latency;
        }

        public String getNode() {
            return node;
        }

        public boolean isStale() {
            return stale;
        }

        public HealthSnapshot.PlacementLatency getLatency() {
            return latency;
        }
    }
}
