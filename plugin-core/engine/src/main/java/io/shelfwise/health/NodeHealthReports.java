package io.shelfwise.health;

import io.shelfwise.jdbc.Transaction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every node's health reports on plain JDBC, over the table of migration V7 ({@code SW_NODE_HEALTH}, one row per
 * node and minute). The storefront nodes are where shoppers' traffic is measured; the admin's health page reads
 * them all here. Reports older than the retention are deleted as new ones are written. Thread-safe; database
 * failures are {@link IllegalStateException}s naming the operation. A row whose JSON cannot be read is skipped with
 * a warning, never failing the page.
 */
public final class NodeHealthReports {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHealthReports.class);
    static final int MAX_NODE = 128;
    static final int MAX_ROLE = 32;

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration retention;

    /**
     * @param dataSource the database holding the V7 table (migrate it first with {@code ShelfwiseSchema.migrate})
     * @param retention how long reports are kept (e.g. a day)
     */
    public NodeHealthReports(DataSource dataSource, Clock clock, Duration retention) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("The health report retention must be positive, was " + retention);
        }
        this.retention = retention;
    }

    /** Writes a report, and deletes those older than the retention (every node's). */
    public void record(NodeHealthReport report) {
        if (report.node().isEmpty() || report.node().length() > MAX_NODE) {
            throw new IllegalArgumentException("A node id is 1 to " + MAX_NODE + " characters, was '"
                    + report.node() + "'");
        }
        if (report.role().isEmpty() || report.role().length() > MAX_ROLE) {
            throw new IllegalArgumentException("A node role is 1 to " + MAX_ROLE + " characters, was '"
                    + report.role() + "'");
        }
        String json = HealthReportJson.write(report.snapshot());
        HealthSnapshot.EventIntake events = report.snapshot().events();
        inTransaction("record the health of " + report.node(), connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_NODE_HEALTH (NODE, ROLE, "
                    + "TAKEN_AT, STARTED_AT, EVENTS_WRITTEN, EVENTS_DROPPED, EVENTS_QUEUED, SNAPSHOT_JSON) "
                    + "VALUES (?,?,?,?,?,?,?,?)")) {
                insert.setString(1, report.node());
                insert.setString(2, report.role());
                insert.setTimestamp(3, Timestamp.from(report.takenAt().truncatedTo(ChronoUnit.MILLIS)));
                insert.setTimestamp(4, Timestamp.from(report.startedAt().truncatedTo(ChronoUnit.MILLIS)));
                insert.setDouble(5, events.written());
                insert.setDouble(6, events.dropped());
                insert.setDouble(7, events.queued());
                insert.setString(8, json);
                insert.executeUpdate();
            }
            try (PreparedStatement prune = connection.prepareStatement(
                    "DELETE FROM SW_NODE_HEALTH WHERE TAKEN_AT < ?")) {
                prune.setTimestamp(1, Timestamp.from(clock.instant().minus(retention)));
                prune.executeUpdate();
            }
            return null;
        });
    }

    /** The newest report of every node that reported since {@code since}, newest node first. */
    public List<NodeHealthReport> latest(Instant since) {
        Map<String, NodeHealthReport> newest = new LinkedHashMap<>();
        for (NodeHealthReport report : reports(since, true)) {
            newest.putIfAbsent(report.node(), report);
        }
        return new ArrayList<>(newest.values());
    }

    /** Every report since {@code since}, oldest first. */
    public List<NodeHealthReport> since(Instant since) {
        return reports(since, false);
    }

    private List<NodeHealthReport> reports(Instant since, boolean newestFirst) {
        return inTransaction("read the node health reports", connection -> {
            List<NodeHealthReport> reports = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT NODE, ROLE, STARTED_AT, "
                    + "SNAPSHOT_JSON FROM SW_NODE_HEALTH WHERE TAKEN_AT >= ? ORDER BY TAKEN_AT "
                    + (newestFirst ? "DESC" : "ASC") + ", NODE")) {
                select.setTimestamp(1, Timestamp.from(since));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String node = rs.getString(1);
                        try {
                            reports.add(new NodeHealthReport(node, rs.getString(2), rs.getTimestamp(3).toInstant(),
                                    HealthReportJson.read(rs.getString(4))));
                        } catch (IllegalArgumentException e) {
                            LOG.warn("Shelfwise: skipping an unreadable health report of " + node + ": "
                                    + e.getMessage());
                        }
                    }
                }
            }
            return reports;
        });
    }

    private <T> T inTransaction(String operation, Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Node health: cannot " + operation + ": " + e.getMessage(), e);
        }
    }
}
