package io.shelfwise.admin.models;

import io.shelfwise.recommend.Placement;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the Models page shows, read from the model registry: every storefront placement with the version serving
 * each step of its chain, and every strategy with its versions side by side (offline metrics, data window,
 * training time, settings and provenance, status and progress). Host-free: the page renders it as it is.
 */
public final class ModelsOverview {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<PlacementRow> placements;
    private final List<StrategyRow> strategies;

    private ModelsOverview(List<PlacementRow> placements, List<StrategyRow> strategies) {
        this.placements = placements;
        this.strategies = strategies;
    }

    /**
     * @param placements the storefront placements as configured
     * @param trainable  the strategies this node can train (listed even before their first version)
     */
    public static ModelsOverview read(ModelRegistry registry, Collection<Placement> placements,
                                      Collection<String> trainable) {
        Map<String, ModelVersion> active = registry.activePlacements();
        List<ModelVersion> all = registry.versions();
        Set<String> strategyNames = new LinkedHashSet<>(trainable);
        for (ModelVersion v : all) {
            strategyNames.add(v.strategy());
        }
        List<PlacementRow> placementRows = new ArrayList<>();
        for (Placement placement : placements) {
            List<StepRow> steps = new ArrayList<>();
            for (Placement.Step step : placement.chain()) {
                String own = placement.name() + "." + step.strategy();
                ModelVersion serving = active.containsKey(own) ? active.get(own) : active.get(step.strategy());
                steps.add(new StepRow(step.strategy(), step.input().name(),
                        active.containsKey(own) ? own : step.strategy(), serving == null ? null : serving.label()));
            }
            placementRows.add(new PlacementRow(placement.name(), steps));
        }
        List<StrategyRow> strategyRows = new ArrayList<>();
        for (String strategy : strategyNames) {
            List<VersionRow> versions = new ArrayList<>();
            ModelVersion current = active.get(strategy);
            for (ModelVersion v : all) {
                if (v.strategy().equals(strategy)) {
                    versions.add(new VersionRow(v, current != null && current.id() == v.id()));
                }
            }
            Optional<ModelVersion> slot = Optional.ofNullable(current);
            strategyRows.add(new StrategyRow(strategy, trainable.contains(strategy),
                    slot.map(ModelVersion::label).orElse(null), registry.activations(strategy).size() > 1,
                    versions));
        }
        return new ModelsOverview(Collections.unmodifiableList(placementRows),
                Collections.unmodifiableList(strategyRows));
    }

    public List<PlacementRow> getPlacements() {
        return placements;
    }

    public List<StrategyRow> getStrategies() {
        return strategies;
    }

    /** Whether any version is being trained now (the page then follows progress). */
    public boolean isTraining() {
        for (StrategyRow s : strategies) {
            for (VersionRow v : s.versions) {
                if (v.isTraining()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A storefront placement and what serves each step of its chain. */
    public static final class PlacementRow {
        private final String name;
        private final List<StepRow> steps;

        PlacementRow(String name, List<StepRow> steps) {
            this.name = name;
            this.steps = Collections.unmodifiableList(steps);
        }

        public String getName() {
            return name;
        }

        public List<StepRow> getSteps() {
            return steps;
        }
    }

    /** One step of a placement's chain: the strategy, the registry slot it is served from, the version there. */
    public static final class StepRow {
        private final String strategy;
        private final String input;
        private final String slot;
        private final String serving;

        StepRow(String strategy, String input, String slot, String serving) {
            this.strategy = strategy;
            this.input = input;
            this.slot = slot;
            this.serving = serving;
        }

        public String getStrategy() {
            return strategy;
        }

        public String getInput() {
            return input;
        }

        /** What the step ranks from, in words ({@code null} for a list that needs no input). */
        public String getInputLabel() {
            switch (input) {
                case "SHOPPER_HISTORY":
                    return "shopper's history";
                case "SESSION":
                    return "this visit";
                case "CONTEXT_ITEMS":
                    return "page items";
                default:
                    return null;
            }
        }

        public String getSlot() {
            return slot;
        }

        /** The serving version's label, or {@code null}: the step is skipped and the chain falls back. */
        public String getServing() {
            return serving;
        }
    }

    /** A strategy with its versions, newest first. */
    public static final class StrategyRow {
        private final String name;
        private final boolean trainable;
        private final String active;
        private final boolean canRollBack;
        private final List<VersionRow> versions;

        StrategyRow(String name, boolean trainable, String active, boolean canRollBack, List<VersionRow> versions) {
            this.name = name;
            this.trainable = trainable;
            this.active = active;
            this.canRollBack = canRollBack;
            this.versions = Collections.unmodifiableList(versions);
        }

        public String getName() {
            return name;
        }

        public boolean isTrainable() {
            return trainable;
        }

        public String getActive() {
            return active;
        }

        public boolean isCanRollBack() {
            return canRollBack;
        }

        public List<VersionRow> getVersions() {
            return versions;
        }

        /** The READY versions oldest first, as {@code [label, HR@10, NDCG@10, Coverage@10]} for the metrics chart. */
        public List<List<Object>> getChart() {
            List<List<Object>> points = new ArrayList<>();
            for (int i = versions.size() - 1; i >= 0; i--) {
                VersionRow v = versions.get(i);
                if (v.isReady() && v.metric("HR@10") != null) {
                    List<Object> point = new ArrayList<>();
                    point.add(v.getLabel());
                    point.add(v.metric("HR@10"));
                    point.add(v.metric("NDCG@10"));
                    point.add(v.metric("Coverage@10"));
                    points.add(point);
                }
            }
            return points;
        }

        /** {@link #getChart()} as JSON, for the page's chart. */
        public String getChartJson() {
            try {
                return JSON.writeValueAsString(getChart());
            } catch (JacksonException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** One version as the page shows it. */
    public static final class VersionRow {
        private final ModelVersion version;
        private final boolean active;
        private final Map<String, Object> metrics;
        private final String settings;
        private final String provenance;

        VersionRow(ModelVersion version, boolean active) {
            this.version = version;
            this.active = active;
            this.metrics = metrics(version.metricsJson());
            Object recorded = metrics.remove("settings");
            this.settings = recorded != null ? recorded.toString() : version.settingsJson();
            this.provenance = summary(version.provenanceJson());
        }

        public long getId() {
            return version.id();
        }

        public String getLabel() {
            return version.label();
        }

        public String getStatus() {
            return version.status().name();
        }

        public boolean isReady() {
            return version.isReady();
        }

        public boolean isTraining() {
            return version.status() == ModelVersion.Status.TRAINING;
        }

        public boolean isActive() {
            return active;
        }

        public Instant getCreatedAt() {
            return version.createdAt();
        }

        public Instant getCompletedAt() {
            return version.completedAt();
        }

        public Instant getDataFrom() {
            return version.dataFrom();
        }

        public Instant getDataTo() {
            return version.dataTo();
        }

        public Double getTrainSeconds() {
            return version.trainSeconds();
        }

        public Integer getItemCount() {
            return version.itemCount();
        }

        /** 0 to 100, for the progress bar of a run. */
        public int getProgressPercent() {
            Double p = version.progress();
            return p == null ? 0 : (int) Math.round(p * 100);
        }

        public String getMessage() {
            return version.message();
        }

        public Double metric(String name) {
            Object value = metrics.get(name);
            return value instanceof Number ? ((Number) value).doubleValue() : null;
        }

        public Double getHitRate() {
            return metric("HR@10");
        }

        public Double getNdcg() {
            return metric("NDCG@10");
        }

        public Double getCoverage() {
            return metric("Coverage@10");
        }

        /** Users evaluated, items and interactions trained on, protocol, as recorded. */
        public Map<String, Object> getMetrics() {
            return metrics;
        }

        public String getSettings() {
            return settings;
        }

        public String getProvenance() {
            return provenance;
        }

        /**
         * For a bring-your-own model: who uploaded it and the file name they gave ("uploaded by admin, my.onnx");
         * {@code null} for a version the store trained.
         */
        public String getUploadedFrom() {
            String json = version.settingsJson();
            if (json == null || !json.contains("\"upload\"")) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(json);
                if (!"upload".equals(node.path("source").asString(""))) {
                    return null;
                }
                String by = node.path("uploadedBy").asString("");
                String file = node.path("fileName").asString("");
                return "uploaded" + (by.isEmpty() ? "" : " by " + by) + (file.isEmpty() ? "" : ", " + file);
            } catch (JacksonException e) {
                return null;
            }
        }

        private static Map<String, Object> metrics(String json) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (json == null || json.isEmpty()) {
                return out;
            }
            try {
                JsonNode node = JSON.readTree(json);
                node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNumber()
                        ? (Object) e.getValue().numberValue() : e.getValue().isString()
                        ? e.getValue().asString("") : e.getValue().toString()));
            } catch (JacksonException e) {
                out.put("unreadable", json);
            }
            return out;
        }

        /** The provenance's class and Tribuo version lines, not the whole record. */
        private static String summary(String json) {
            if (json == null || json.isEmpty()) {
                return null;
            }
            try {
                JsonNode node = JSON.readTree(json);
                List<String> parts = new ArrayList<>();
                node.properties().forEach(e -> {
                    if (e.getValue().isValueNode()) {
                        parts.add(e.getKey() + "=" + e.getValue().asString(""));
                    }
                });
                return parts.isEmpty() ? json : String.join(", ", parts);
            } catch (JacksonException e) {
                return json;
            }
        }
    }
}
