package io.shelfwise.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One training run of a strategy, as the registry records it: numbered 1, 2, 3... per strategy, with its status,
 * training data window, metrics, provenance and, once {@link Status#READY}, its artifact in the model store.
 * Immutable; a snapshot of the row when it was read. Nullable accessors say so.
 */
public final class ModelVersion {

    /** The life cycle: {@code TRAINING -> READY} or {@code TRAINING -> FAILED}, never back. */
    public enum Status {
        /** Being trained; may report progress. No artifact yet. */
        TRAINING,
        /** Trained; the artifact is in the store and the version may be activated. */
        READY,
        /** Training failed, was cancelled or was interrupted; {@link #message()} says why. Never has an artifact. */
        FAILED
    }

    private final long id;
    private final String strategy;
    private final int version;
    private final Status status;
    private final Instant createdAt;
    private final Instant completedAt;
    private final Instant dataFrom;
    private final Instant dataTo;
    private final Double trainSeconds;
    private final Integer itemCount;
    private final String metricsJson;
    private final String provenanceJson;
    private final String settingsJson;
    private final StoredArtifact artifact;
    private final String message;
    private final Double progress;

    ModelVersion(long id, String strategy, int version, Status status, Instant createdAt, Instant completedAt,
                 Instant dataFrom, Instant dataTo, Double trainSeconds, Integer itemCount, String metricsJson,
                 String provenanceJson, String settingsJson, StoredArtifact artifact, String message, Double progress) {
        this.id = id;
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        this.version = version;
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.completedAt = completedAt;
        this.dataFrom = dataFrom;
        this.dataTo = dataTo;
        this.trainSeconds = trainSeconds;
        this.itemCount = itemCount;
        this.metricsJson = metricsJson;
        this.provenanceJson = provenanceJson;
        this.settingsJson = settingsJson;
        this.artifact = artifact;
        this.message = message;
        this.progress = progress;
    }

    /** The registry's id for this version (database identity). */
    public long id() {
        return id;
    }

    public String strategy() {
        return strategy;
    }

    /** The version number within the strategy: 1, 2, 3... Never reused, even after a deletion. */
    public int version() {
        return version;
    }

    /** {@code strategy@version}, e.g. {@code default@3}: how events and logs name the model that served. */
    public String label() {
        return strategy + "@" + version;
    }

    public Status status() {
        return status;
    }

    public boolean isReady() {
        return status == Status.READY;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When it became READY or FAILED; {@code null} while training. */
    public Instant completedAt() {
        return completedAt;
    }

    /** Start of the training data window; {@code null} unless READY (and given by the trainer). */
    public Instant dataFrom() {
        return dataFrom;
    }

    /** End of the training data window; {@code null} unless READY (and given by the trainer). */
    public Instant dataTo() {
        return dataTo;
    }

    /** Wall time the training took; {@code null} unless given. */
    public Double trainSeconds() {
        return trainSeconds;
    }

    /** Number of items the model can recommend; {@code null} unless given. */
    public Integer itemCount() {
        return itemCount;
    }

    /** Evaluation metrics as JSON; {@code null} unless given. */
    public String metricsJson() {
        return metricsJson;
    }

    /** Provenance (data snapshot, trainer, code version) as JSON; {@code null} unless given. */
    public String provenanceJson() {
        return provenanceJson;
    }

    /** The trainer settings the run was started with, as JSON; may be {@code null}. */
    public String settingsJson() {
        return settingsJson;
    }

    /** The artifact in the model store; {@code null} unless READY. */
    public StoredArtifact artifact() {
        return artifact;
    }

    /** Failure reason, or the last progress note; may be {@code null}. */
    public String message() {
        return message;
    }

    /** Training progress in [0, 1]; {@code null} until reported, 1 once READY. */
    public Double progress() {
        return progress;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ModelVersion)) {
            return false;
        }
        ModelVersion that = (ModelVersion) o;
        return id == that.id && version == that.version && strategy.equals(that.strategy) && status == that.status
                && createdAt.equals(that.createdAt) && Objects.equals(completedAt, that.completedAt)
                && Objects.equals(dataFrom, that.dataFrom) && Objects.equals(dataTo, that.dataTo)
                && Objects.equals(trainSeconds, that.trainSeconds) && Objects.equals(itemCount, that.itemCount)
                && Objects.equals(metricsJson, that.metricsJson) && Objects.equals(provenanceJson, that.provenanceJson)
                && Objects.equals(settingsJson, that.settingsJson) && Objects.equals(artifact, that.artifact)
                && Objects.equals(message, that.message) && Objects.equals(progress, that.progress);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, strategy, version, status, createdAt, completedAt, artifact, message, progress);
    }

    @Override
    public String toString() {
        return label() + " #" + id + " " + status + (message == null ? "" : " (" + message + ")");
    }
}
