package io.shelfwise.health;

import io.shelfwise.internal.RepeatingTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Writes this node's {@link HealthSnapshot} to the {@link NodeHealthReports} every interval, so the
 * admin's health page (another node, or another application context of the same server) sees this node's traffic.
 * A failed write is logged and tried again at the next interval; it never affects the node.
 */
public final class NodeHealthPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHealthPublisher.class);

    private final HealthMonitor monitor;
    private final NodeHealthReports reports;
    private final String node;
    private final String role;
    private final Instant startedAt;
    private final RepeatingTask scheduler = new RepeatingTask("shelfwise-health-report");

    /** @param role what this node serves: {@code storefront} (or {@code admin}) */
    public NodeHealthPublisher(HealthMonitor monitor, NodeHealthReports reports, String role, Clock clock) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.role = Objects.requireNonNull(role, "role");
        this.node = nodeId(role, ManagementFactory.getRuntimeMXBean().getName());
        this.startedAt = clock.instant();
    }

    /** {@code role pid@host}, cut to what the table holds. */
    static String nodeId(String role, String runtimeName) {
        String id = role + " " + runtimeName;
        return id.length() <= NodeHealthReports.MAX_NODE ? id : id.substring(0, NodeHealthReports.MAX_NODE);
    }

    public String node() {
        return node;
    }

    /** Publishes every {@code interval}, the first time one interval from now. */
    public void start(Duration interval) {
        scheduler.every(interval, this::publish, LOG, "Shelfwise: cannot write this node's health report");
    }

    /** Writes one report now. */
    public void publish() {
        reports.record(new NodeHealthReport(node, role, startedAt, monitor.snapshot()));
    }

    @Override
    public void close() {
        scheduler.close();
    }
}
