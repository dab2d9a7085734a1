package io.shelfwise.health;

import io.shelfwise.jdbc.ShelfwiseSchema;
import org.hsqldb.jdbc.JDBCDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodeHealthReportsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private JDBCDataSource dataSource;
    private NodeHealthReports reports;

    @BeforeEach
    void migrate() {
        dataSource = new JDBCDataSource();
        dataSource.setUrl("jdbc:hsqldb:mem:health-" + UUID.randomUUID());
        dataSource.setUser("SA");
        ShelfwiseSchema.migrate(dataSource);
        reports = new NodeHealthReports(dataSource, Clock.fixed(T0, ZoneOffset.UTC), Duration.ofHours(24));
    }

    @Test
    void aReportComesBackWithEveryFigureAndUnknownsStayUnknown() {
        Map<String, Double> dropped = new TreeMap<>();
        dropped.put("queue_full", 3.0);
        dropped.put("opted_out", 1.0);
        Map<String, HealthSnapshot.CacheHealth> caches = new LinkedHashMap<>();
        caches.put("recommendations", new HealthSnapshot.CacheHealth(90, 10, 2));
        caches.put("shopper-histories", new HealthSnapshot.CacheHealth(0, 0, 0));
        HealthSnapshot snapshot = new HealthSnapshot(T0,
                new HealthSnapshot.EventIntake(120, 116, dropped, 0, Duration.ofMinutes(15), 7.5, null),
                caches,
                java.util.Arrays.asList(
                        new HealthSnapshot.PlacementLatency("home-trending", false, 40, 3.2, 19.0, 2.0, 8.0, 18.5),
                        new HealthSnapshot.PlacementLatency("home-trending", true, 400, 0.1, 1.0, null, null, null)),
                Collections.singletonMap("sasrec", 2.0), Collections.<HealthSnapshot.TrainingStatus>emptyList());
        reports.record(new NodeHealthReport("storefront 1@shop", "storefront", T0.minusSeconds(600), snapshot));

        List<NodeHealthReport> latest = reports.latest(T0.minusSeconds(60));
        assertThat(latest).hasSize(1);
        NodeHealthReport back = latest.get(0);
        assertThat(back.node()).isEqualTo("storefront 1@shop");
        assertThat(back.role()).isEqualTo("storefront");
        assertThat(back.startedAt()).isEqualTo(T0.minusSeconds(600));
        HealthSnapshot read = back.snapshot();
        assertThat(read.takenAt()).isEqualTo(T0);
        assertThat(read.events().written()).isEqualTo(116);
        assertThat(read.events().dropped()).isEqualTo(4);
        assertThat(read.events().droppedByReason()).containsEntry("queue_full", 3.0);
        assertThat(read.events().writtenPerMinute()).isEqualTo(7.5);
        assertThat(read.events().droppedPerMinute()).isNull();
        assertThat(read.events().rateWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(read.caches().keySet()).containsExactly("recommendations", "shopper-histories");
        assertThat(read.caches().get("recommendations").hitRate()).isEqualTo(0.9);
        assertThat(read.caches().get("shopper-histories").hitRate()).isNull();
        assertThat(read.latencies()).hasSize(2);
        assertThat(read.latencies().get(0).p99Millis()).isEqualTo(18.5);
        assertThat(read.latencies().get(1).cached()).isTrue();
        assertThat(read.latencies().get(1).p99Millis()).isNull();
        assertThat(read.modelFailures()).containsEntry("sasrec", 2.0);
    }

    @Test
    void aNodeWhoseEventsAreNotStoredSaysSinceWhenAndWhyAndOlderReportsReadAsStoring() throws Exception {
        Instant since = T0.minusSeconds(300);
        HealthSnapshot failing = new HealthSnapshot(T0, new HealthSnapshot.EventIntake(900, 100,
                Collections.singletonMap("queue_full", 50.0), 800, null, null, null, since,
                "The database refused 500 events: Data File size limit is reached", 12),
                Collections.<String, HealthSnapshot.CacheHealth>emptyMap(),
                Collections.<HealthSnapshot.PlacementLatency>emptyList(), Collections.<String, Double>emptyMap(),
                Collections.<HealthSnapshot.TrainingStatus>emptyList());
        reports.record(new NodeHealthReport("storefront 1@a", "storefront", T0.minusSeconds(3600), failing));
        // a report as nodes wrote them before they said whether events are stored
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO SW_NODE_HEALTH (NODE, ROLE, TAKEN_AT, STARTED_AT, EVENTS_WRITTEN, "
                    + "EVENTS_DROPPED, EVENTS_QUEUED, SNAPSHOT_JSON) VALUES ('storefront 2@b', 'storefront', "
                    + "TIMESTAMP '2026-12-02 10:00:05', TIMESTAMP '2026-12-02 09:00:00', 5, 0, 0, "
                    + "'{\"takenAt\":\"2026-12-02T10:00:05Z\",\"events\":{\"accepted\":5,\"written\":5,"
                    + "\"queued\":0,\"droppedByReason\":{}},\"caches\":{},\"latencies\":[],"
                    + "\"modelFailures\":{}}')");
        }

        Map<String, HealthSnapshot.EventIntake> byNode = new TreeMap<>();
        for (NodeHealthReport report : reports.latest(T0.minusSeconds(60))) {
            byNode.put(report.node(), report.snapshot().events());
        }
        HealthSnapshot.EventIntake a = byNode.get("storefront 1@a");
        assertThat(a.storing()).isFalse();
        assertThat(a.failingSince()).isEqualTo(since);
        assertThat(a.storeError()).isEqualTo("The database refused 500 events: Data File size limit is reached");
        assertThat(a.writeFailures()).isEqualTo(12);
        assertThat(a.queued()).isEqualTo(800);
        HealthSnapshot.EventIntake b = byNode.get("storefront 2@b");
        assertThat(b.storing()).isTrue();
        assertThat(b.storeError()).isNull();
        assertThat(b.writeFailures()).isZero();
        assertThat(b.written()).isEqualTo(5);
    }

    @Test
    void latestIsEachNodesNewestAndOldReportsAreDeletedAsNewOnesArrive() {
        reports.record(report("storefront 1@a", T0));
        reports.record(report("storefront 2@b", T0.plusSeconds(30)));
        reports.record(report("storefront 1@a", T0.plusSeconds(60)));
        assertThat(reports.latest(T0.minusSeconds(1))).extracting(NodeHealthReport::node, NodeHealthReport::takenAt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("storefront 1@a", T0.plusSeconds(60)),
                        org.assertj.core.groups.Tuple.tuple("storefront 2@b", T0.plusSeconds(30)));
        assertThat(reports.since(T0.plusSeconds(1))).extracting(NodeHealthReport::takenAt)
                .containsExactly(T0.plusSeconds(30), T0.plusSeconds(60));

        Instant dayLater = T0.plus(Duration.ofHours(24)).plusSeconds(45);
        new NodeHealthReports(dataSource, Clock.fixed(dayLater, ZoneOffset.UTC), Duration.ofHours(24))
                .record(report("storefront 2@b", dayLater));
        assertThat(reports.since(Instant.EPOCH)).extracting(NodeHealthReport::takenAt)
                .containsExactly(T0.plusSeconds(60), dayLater);
    }

    @Test
    void anUnreadableRowIsSkippedAndBadIdsAreRefused() throws Exception {
        reports.record(report("storefront 1@a", T0));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO SW_NODE_HEALTH (NODE, ROLE, TAKEN_AT, STARTED_AT, EVENTS_WRITTEN, "
                    + "EVENTS_DROPPED, EVENTS_QUEUED, SNAPSHOT_JSON) VALUES ('storefront 9@z', 'storefront', "
                    + "TIMESTAMP '2026-12-02 10:00:05', TIMESTAMP '2026-12-02 09:00:00', 0, 0, 0, '{not json')");
        }
        assertThat(reports.latest(T0.minusSeconds(1))).extracting(NodeHealthReport::node)
                .containsExactly("storefront 1@a");
        String tooLong = new String(new char[200]).replace('\0', 'x');
        assertThatThrownBy(() -> reports.record(report(tooLong, T0))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 128");
        assertThat(NodeHealthPublisher.nodeId("storefront", tooLong)).hasSize(128);
    }

    @Test
    void aDatabaseThatIsDownIsAClearError() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE SW_NODE_HEALTH");
        }
        assertThatThrownBy(() -> reports.latest(T0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Node health: cannot read the node health reports");
    }

    private static NodeHealthReport report(String node, Instant at) {
        return new NodeHealthReport(node, "storefront", T0.minusSeconds(3600), new HealthSnapshot(at,
                new HealthSnapshot.EventIntake(0, 0, Collections.<String, Double>emptyMap(), 0, null, null, null),
                Collections.<String, HealthSnapshot.CacheHealth>emptyMap(),
                Collections.<HealthSnapshot.PlacementLatency>emptyList(), Collections.<String, Double>emptyMap(),
                Collections.<HealthSnapshot.TrainingStatus>emptyList()));
    }
}
