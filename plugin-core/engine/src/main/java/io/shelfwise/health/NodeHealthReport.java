package io.shelfwise.health;

import java.time.Instant;
import java.util.Objects;

/** What one node reported at one moment: who it is, since when it runs, and its {@link HealthSnapshot}. */
public final class NodeHealthReport {

    private final String node;
    private final String role;
    private final Instant startedAt;
    private final HealthSnapshot snapshot;

    public NodeHealthReport(String node, String role, Instant startedAt, HealthSnapshot snapshot) {
        this.node = Objects.requireNonNull(node, "node");
        this.role = Objects.requireNonNull(role, "role");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
        this.snapshot = Objects.requireNonNull(snapshot, "snapshot");
    }

    /** The node's id: role, process and host, e.g. {@code storefront 4242@shop-1}. */
    public String node() {
        return node;
    }

    /** {@code storefront} or {@code admin}: what the node serves. */
    public String role() {
        return role;
    }

    /** When the node's plugin started: its counters count from here. */
    public Instant startedAt() {
        return startedAt;
    }

    public Instant takenAt() {
        return snapshot.takenAt();
    }

    /** The snapshot, without the training list (read from the shared model registry instead). */
    public HealthSnapshot snapshot() {
        return snapshot;
    }
}
