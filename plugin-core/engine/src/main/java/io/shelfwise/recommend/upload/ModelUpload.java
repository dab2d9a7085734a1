package io.shelfwise.recommend.upload;

import io.shelfwise.events.Names;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import io.shelfwise.registry.TrainingSummary;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Registers an uploaded (bring-your-own) model as a new version of a strategy, after {@link UploadedModelCheck}:
 * a model that passed becomes READY, its bytes written by the registry into its own store; one that failed is
 * recorded FAILED with the findings as its message, so it shows in the history and can never be activated. Nothing
 * is activated here: the admin activates a READY version as any other. The uploader's file name is recorded as
 * text only; no path given by a user is ever opened. Thread-safe.
 */
public final class ModelUpload {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_NAME = 200;
    /** The registry's rule for strategy names (its package-private Names), asked before an upload is read. */

    private final ModelRegistry registry;
    private final UploadedModelCheck check;
    private final Supplier<Set<String>> catalogueIds;

    /**
     * @param catalogueIds the store's product ids, asked once per upload; may return {@code null} to skip that check
     */
    public ModelUpload(ModelRegistry registry, UploadedModelCheck check, Supplier<Set<String>> catalogueIds) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.check = Objects.requireNonNull(check, "check");
        this.catalogueIds = Objects.requireNonNull(catalogueIds, "catalogueIds");
    }

    /** The check uploads go through (its limits, for the upload form). */
    public UploadedModelCheck check() {
        return check;
    }

    /**
     * Checks an upload and records it as the next version of {@code strategy}: READY if it passed, else FAILED.
     *
     * @param content       the uploaded bytes (not closed here); at most the check's limit is read
     * @param declaredBytes the size the client announced, or -1
     * @param fileName      the name the uploader gave the file, recorded as text only; may be {@code null}
     * @param uploadedBy    who uploaded it
     * @return the version recorded and the check's findings
     * @throws IllegalArgumentException if the strategy name is not one by {@link io.shelfwise.events.Names#strategy}
     *                                  (nothing is recorded)
     * @throws IOException              if the upload cannot be read (nothing is recorded) or the artifact cannot be
     *                                  written (the version is recorded FAILED)
     */
    public UploadedVersion upload(String strategy, InputStream content, long declaredBytes, String fileName,
                                  String uploadedBy) throws IOException {
        Objects.requireNonNull(content, "content");
        checkStrategy(strategy);
        UploadCheckResult result = check.check(content, declaredBytes, catalogueIds.get());
        ModelVersion run = registry.startTraining(strategy, settingsJson(fileName, uploadedBy, result));
        if (!result.passed()) {
            registry.failTraining(run.id(), result.summary());
            return new UploadedVersion(registry.version(run.id()).orElse(run), result);
        }
        ModelVersion ready;
        try {
            ready = registry.completeTraining(run.id(), result.artifact(), TrainingSummary.builder()
                    .itemCount(result.itemCount()).metricsJson(findingsJson(result)).build());
        } catch (IOException | RuntimeException e) {
            registry.failTraining(run.id(), "The upload passed validation but could not be stored: " + e.getMessage());
            throw e;
        }
        return new UploadedVersion(ready, result);
    }

    /**
     * Checks a strategy name as an upload does (and as the registry and the beacons will): the rule of
     * {@link Names#strategy}, so it is also a safe file name. {@code ./shelfwise check-model --strategy} uses it too.
     *
     * @return the name
     * @throws IllegalArgumentException saying what a name may be
     */
    public static String checkStrategy(String strategy) {
        if (strategy == null || strategy.trim().isEmpty()) {
            throw new IllegalArgumentException("Name the strategy the model is uploaded as (e.g. default, or a new "
                    + "name such as my-model)");
        }
        return Names.strategy(strategy);
    }

    private static String settingsJson(String fileName, String uploadedBy, UploadCheckResult result) {
        ObjectNode settings = JSON.createObjectNode();
        settings.put("source", "upload");
        settings.put("fileName", fileName == null ? null
                : fileName.length() <= MAX_NAME ? fileName : fileName.substring(0, MAX_NAME));
        settings.put("uploadedBy", uploadedBy);
        settings.put("bytes", result.artifactBytes());
        settings.put("format", result.format());
        settings.put("declaredStrategy", result.declaredStrategy());
        return settings.toString();
    }

    private static String findingsJson(UploadCheckResult result) {
        ObjectNode metrics = JSON.createObjectNode();
        ArrayNode findings = metrics.putArray("uploadFindings");
        for (UploadFinding finding : result.findings()) {
            findings.addObject().put("severity", finding.severity().name()).put("message", finding.message());
        }
        return metrics.toString();
    }

    /** An upload's outcome: the version recorded (READY or FAILED) and what the check found. Immutable. */
    public static final class UploadedVersion {
        private final ModelVersion version;
        private final UploadCheckResult check;

        UploadedVersion(ModelVersion version, UploadCheckResult check) {
            this.version = version;
            this.check = check;
        }

        public ModelVersion version() {
            return version;
        }

        public UploadCheckResult check() {
            return check;
        }

        public boolean passed() {
            return check.passed();
        }
    }
}
