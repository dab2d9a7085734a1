package io.shelfwise.admin.health;

import io.shelfwise.health.HealthSnapshot;
import io.shelfwise.health.NodeHealthReport;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HealthOverviewTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant UP = T0.minusSeconds(3600);

    @Test
    void eventsPerMinuteAreEachNodesDifferencesSummedAndARestartCountsFromZero() {
        List<NodeHealthReport> reports = Arrays.asList(
                report("a", UP, T0, 100, 0, null),
                report("b", UP, T0.plusSeconds(10), 50, 0, null),
                report("a", UP, T0.plusSeconds(60), 130, 2, 12.0),
                report("b", UP, T0.plusSeconds(70), 60, 0, 30.0),
                // a restarted: its totals start again
                report("a", T0.plusSeconds(100), T0.plusSeconds(120), 5, 0, 9.0));
        Map<String, Object> series = HealthOverview.series(reports, T0.minusSeconds(60));
        assertThat(series.get("minutes")).isEqualTo(Arrays.asList(T0.getEpochSecond(),
                T0.getEpochSecond() + 60, T0.getEpochSecond() + 120));
        // both nodes were up before the period: their first reports are baselines
        assertThat(series.get("written")).isEqualTo(Arrays.asList(0.0, 40.0, 5.0));
        assertThat(series.get("dropped")).isEqualTo(Arrays.asList(0.0, 2.0, 0.0));
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> p99 = (Map<String, List<Double>>) series.get("p99");
        // the slowest node of the minute; none reported in the first
        assertThat(p99.get("home-trending")).containsExactly(null, 30.0, 9.0);

        // a node started within the period counts from zero
        Map<String, Object> sinceStart = HealthOverview.series(reports, UP.minusSeconds(1));
        assertThat(sinceStart.get("written")).isEqualTo(Arrays.asList(150.0, 40.0, 5.0));
    }

    @Test
    void aPlacementWithNoListComputedSinceTheLastReportHasNoP99() {
        List<NodeHealthReport> reports = Arrays.asList(
                report("a", UP, T0, 1, 0, 20.0, 10),
                report("a", UP, T0.plusSeconds(60), 1, 0, 25.0, 12),
                report("a", UP, T0.plusSeconds(120), 1, 0, 0.0, 12));
        @SuppressWarnings("unchecked")
        Map<String, List<Double>> p99 = (Map<String, List<Double>>) HealthOverview.series(reports, T0)
                .get("p99");
        assertThat(p99.get("home-trending")).containsExactly(null, 25.0, null);
    }

    @Test
    void aNodeSilentForFiveMinutesIsMarkedAndTheOthersAreNot() {
        HealthOverview overview = new HealthOverview(Arrays.asList(
                report("a", UP, T0, 1, 0, 2.0), report("b", UP, T0.minus(Duration.ofMinutes(9)), 1, 0, null)),
                T0.plusSeconds(30));
        assertThat(overview.getNodes()).extracting(HealthOverview.NodeRow::isStale).containsExactly(false, true);
        assertThat(overview.getNodes().get(0).getAge()).isEqualTo("30 s ago");
        assertThat(overview.getNodes().get(1).getAge()).isEqualTo("9 min ago");
        assertThat(overview.isAnyNodeReporting()).isTrue();
        assertThat(overview.getLatencies()).hasSize(1);
        assertThat(new HealthOverview(Collections.singletonList(report("b", UP, T0, 1, 0, null)),
                T0.plus(Duration.ofMinutes(6))).isAnyNodeReporting()).isFalse();
    }

    private static NodeHealthReport report(String node, Instant startedAt, Instant at, double written,
                                           double dropped, Double p99) {
        return report(node, startedAt, at, written, dropped, p99, at.getEpochSecond());
    }

    private static NodeHealthReport report(String node, Instant startedAt, Instant at, double written,
                                           double dropped, Double p99, long lists) {
        List<HealthSnapshot.PlacementLatency> latencies = p99 == null
                ? Collections.<HealthSnapshot.PlacementLatency>emptyList()
                : Collections.singletonList(new HealthSnapshot.PlacementLatency("home-trending", false, lists, 1.0,
                p99, 1.0, p99, p99));
        return new NodeHealthReport(node, "storefront", startedAt, new HealthSnapshot(at,
                new HealthSnapshot.EventIntake(written, written, Collections.singletonMap("queue_full", dropped),
                        0.0, null, null, null),
                Collections.<String, HealthSnapshot.CacheHealth>emptyMap(), latencies,
                Collections.<String, Double>emptyMap(), Collections.<HealthSnapshot.TrainingStatus>emptyList()));
    }
}
