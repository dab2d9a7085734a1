package io.shelfwise.health;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node's {@link HealthSnapshot} as the JSON stored in {@code SW_NODE_HEALTH.SNAPSHOT_JSON} (migration V7), and
 * back. The training list is not stored: every node reads the same model registry, so the page reads it there.
 * Unknown figures are JSON {@code null}. {@code events.failingSince} and {@code events.storeError} are present only
 * while the node's events are not being stored; a report without them (also one written before they existed)
 * reads as storing.
 */
final class HealthReportJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HealthReportJson() {
    }

    static String write(HealthSnapshot snapshot) {
        ObjectNode root = JSON.createObjectNode();
        root.put("takenAt", snapshot.takenAt().toString());
        HealthSnapshot.EventIntake events = snapshot.events();
        ObjectNode e = root.putObject("events");
        e.put("accepted", events.accepted());
        e.put("written", events.written());
        e.put("queued", events.queued());
        putNullable(e, "rateWindowSeconds", events.rateWindow() == null ? null
                : (double) events.rateWindow().getSeconds());
        putNullable(e, "writtenPerMinute", events.writtenPerMinute());
        putNullable(e, "droppedPerMinute", events.droppedPerMinute());
        if (events.failingSince() != null) {
            e.put("failingSince", events.failingSince().toString());
            e.put("storeError", events.storeError());
        }
        e.put("writeFailures", events.writeFailures());
        ObjectNode dropped = e.putObject("droppedByReason");
        for (Map.Entry<String, Double> d : events.droppedByReason().entrySet()) {
            dropped.put(d.getKey(), d.getValue());
        }
        ObjectNode caches = root.putObject("caches");
        for (Map.Entry<String, HealthSnapshot.CacheHealth> c : snapshot.caches().entrySet()) {
            ObjectNode cache = caches.putObject(c.getKey());
            cache.put("hits", c.getValue().hits());
            cache.put("misses", c.getValue().misses());
            cache.put("evictions", c.getValue().evictions());
        }
        ArrayNode latencies = root.putArray("latencies");
        for (HealthSnapshot.PlacementLatency l : snapshot.latencies()) {
            ObjectNode latency = latencies.addObject();
            latency.put("placement", l.placement());
            latency.put("cached", l.cached());
            latency.put("count", l.count());
            putNullable(latency, "meanMillis", l.meanMillis());
            putNullable(latency, "maxMillis", l.maxMillis());
            putNullable(latency, "p50Millis", l.p50Millis());
            putNullable(latency, "p95Millis", l.p95Millis());
            putNullable(latency, "p99Millis", l.p99Millis());
        }
        ObjectNode failures = root.putObject("modelFailures");
        for (Map.Entry<String, Double> f : snapshot.modelFailures().entrySet()) {
            failures.put(f.getKey(), f.getValue());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JacksonException ex) {
            throw new IllegalStateException("Cannot write a health snapshot as JSON", ex);
        }
    }

    /** @throws IllegalArgumentException when {@code json} is not a snapshot this class wrote */
    static HealthSnapshot read(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JacksonException ex) {
            throw new IllegalArgumentException("Not a health snapshot: " + ex.getMessage(), ex);
        }
        if (root == null || !root.isObject() || !root.path("events").isObject()) {
            throw new IllegalArgumentException("Not a health snapshot: no events");
        }
        JsonNode e = root.get("events");
        Map<String, Double> dropped = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> reasons = e.path("droppedByReason").properties().iterator();
        while (reasons.hasNext()) {
            Map.Entry<String, JsonNode> r = reasons.next();
            dropped.put(r.getKey(), r.getValue().asDouble(0));
        }
        Double windowSeconds = nullable(e, "rateWindowSeconds");
        // reports written before nodes said whether events are stored have no failingSince: storing
        Instant failingSince = null;
        if (e.path("failingSince").isString()) {
            try {
                failingSince = Instant.parse(e.get("failingSince").asString(""));
            } catch (RuntimeException ex) {
                throw new IllegalArgumentException("Not a health snapshot: failingSince " + e.get("failingSince"), ex);
            }
        }
        String storeError = failingSince == null ? null : e.path("storeError").asString("the node did not say why");
        HealthSnapshot.EventIntake events = new HealthSnapshot.EventIntake(e.path("accepted").asDouble(0),
                e.path("written").asDouble(0), dropped, e.path("queued").asDouble(0),
                windowSeconds == null ? null : Duration.ofSeconds(windowSeconds.longValue()),
                nullable(e, "writtenPerMinute"), nullable(e, "droppedPerMinute"), failingSince, storeError,
                orZero(nullable(e, "writeFailures")));
        Map<String, HealthSnapshot.CacheHealth> caches = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> cacheNodes = root.path("caches").properties().iterator();
        while (cacheNodes.hasNext()) {
            Map.Entry<String, JsonNode> c = cacheNodes.next();
            caches.put(c.getKey(), new HealthSnapshot.CacheHealth(c.getValue().path("hits").asLong(0),
                    c.getValue().path("misses").asLong(0), c.getValue().path("evictions").asLong(0)));
        }
        List<HealthSnapshot.PlacementLatency> latencies = new ArrayList<>();
        for (JsonNode l : root.path("latencies")) {
            latencies.add(new HealthSnapshot.PlacementLatency(l.path("placement").asString(null),
                    l.path("cached").asBoolean(), l.path("count").asLong(0), orZero(nullable(l, "meanMillis")),
                    orZero(nullable(l, "maxMillis")), nullable(l, "p50Millis"), nullable(l, "p95Millis"),
                    nullable(l, "p99Millis")));
        }
        Map<String, Double> failures = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> failureNodes = root.path("modelFailures").properties().iterator();
        while (failureNodes.hasNext()) {
            Map.Entry<String, JsonNode> f = failureNodes.next();
            failures.put(f.getKey(), f.getValue().asDouble(0));
        }
        Instant takenAt;
        try {
            takenAt = Instant.parse(root.path("takenAt").asString(""));
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException("Not a health snapshot: takenAt " + root.path("takenAt"), ex);
        }
        return new HealthSnapshot(takenAt, events, caches, latencies, failures,
                Collections.<HealthSnapshot.TrainingStatus>emptyList());
    }

    private static void putNullable(ObjectNode node, String name, Double value) {
        if (value == null || value.isNaN() || value.isInfinite()) {
            node.putNull(name);
        } else {
            node.put(name, value);
        }
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    private static Double nullable(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || value.isNull() || !value.isNumber() ? null : value.asDouble(0);
    }
}
