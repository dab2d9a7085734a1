package io.shelfwise.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where trained model versions and their activations live. A strategy ({@code default}, {@code pop},
 * {@code also-bought}...) is trained into numbered versions; a placement ({@code home-for-you},
 * {@code pdp-also-bought}...) is served by one READY version at a time, its latest activation.
 * <p>
 * Life cycle of a version: {@link #startTraining} (TRAINING) -> {@link #reportProgress}* ->
 * {@link #completeTraining} (READY, artifact stored) or {@link #failTraining} (FAILED). {@link #recoverInterrupted}
 * fails what a stopped process left in TRAINING.
 * <p>
 * Implementations are thread-safe. Database failures surface as {@link RegistryException} naming the operation,
 * with nothing of the operation kept; misuse (unknown ids, wrong status, bad names) as
 * {@link IllegalArgumentException} or {@link IllegalStateException} with a message that says what to do. Reads go to
 * the database each time: serving should cache what it loads.
 */
public interface ModelRegistry {

    /**
     * Registers a new training run with the next version number of the strategy (1 for the first). Safe to call
     * concurrently: every call gets its own number, and numbers are never reused.
     *
     * @param settingsJson the trainer settings, as JSON; may be {@code null}
     * @return the new version, TRAINING
     * @throws IllegalArgumentException if the strategy name is not one by {@link io.shelfwise.events.Names#strategy}
     */
    ModelVersion startTraining(String strategy, String settingsJson);

    /**
     * Records how far a training run is.
     *
     * @param progress in [0, 1]
     * @param message  a short note (may be {@code null}); longer than 2000 characters is cut
     * @throws IllegalArgumentException if there is no such version or the progress is outside [0, 1]
     * @throws IllegalStateException    if the version is no longer TRAINING (cancelled, failed, recovered): the
     *                                  trainer should stop
     */
    void reportProgress(long id, double progress, String message);

    /**
     * Stores the artifact, then marks the version READY with the summary. If the version is not TRAINING (it was
     * cancelled or failed meanwhile), or the database refuses, the stored file is deleted again.
     *
     * @throws IllegalArgumentException if there is no such version
     * @throws IllegalStateException    if the version is not TRAINING
     * @throws IOException              if the artifact cannot be written
     */
    ModelVersion completeTraining(long id, byte[] artifact, TrainingSummary summary) throws IOException;

    /** As {@link #completeTraining(long, byte[], TrainingSummary)}, copying the artifact from a file (left as it is). */
    ModelVersion completeTraining(long id, Path artifactFile, TrainingSummary summary) throws IOException;

    /**
     * Marks a training run FAILED (also the way to cancel one). A version already FAILED is left as it is.
     *
     * @param message why; longer than 2000 characters is cut
     * @throws IllegalArgumentException if there is no such version
     * @throws IllegalStateException    if the version is READY
     */
    void failTraining(long id, String message);

    /**
     * Marks every version still TRAINING as FAILED with the message {@code interrupted}, and deletes their artifact
     * files (stored but never marked READY) and unfinished artifact writes. Call once at start-up of the process that trains, before it trains anything: a run in
     * progress elsewhere would be failed too.
     *
     * @return the number of versions marked FAILED
     */
    int recoverInterrupted();

    /**
     * Makes a READY version serve a placement, from now on.
     *
     * @param activatedBy who (a user name, or e.g. {@code scheduler}); at most 128 characters
     * @throws IllegalArgumentException if there is no such version, or the placement name is not one by
     *                                  {@link io.shelfwise.events.Names#placement}
     * @throws IllegalStateException    if the version is not READY
     */
    void activate(String placement, long versionId, String activatedBy);

    /** The version serving a placement, or empty if none was ever activated there. */
    Optional<ModelVersion> active(String placement);

    /** Every placement with an active version, by placement name (sorted). */
    Map<String, ModelVersion> activePlacements();

    /**
     * Returns a placement to the version that served it before the current one, skipping versions deleted since
     * and the current version itself. Rollbacks step back through the history: rolling back twice after activating
     * v1, v2, v3 gives v2, then v1. The rollback is recorded as an activation with reason {@code rollback}.
     *
     * @return the version now serving
     * @throws IllegalStateException if there is no earlier version to return to
     */
    ModelVersion rollback(String placement, String by);

    /** A placement's activation history, newest first; empty if it never had one. */
    List<Activation> activations(String placement);

    Optional<ModelVersion> version(long id);

    /** A strategy's versions, newest (highest number) first. */
    List<ModelVersion> versions(String strategy);

    /** Every version, newest first. */
    List<ModelVersion> versions();

    /**
     * Opens a READY version's artifact. The content is checked against the recorded SHA-256 as it is read; the read
     * that reaches the end throws {@link CorruptArtifactException} if it differs.
     *
     * @throws IllegalStateException    if the version is not READY
     * @throws CorruptArtifactException if the file is missing (at once) or differs (at the end of the stream)
     */
    InputStream openArtifact(ModelVersion version) throws IOException;

    /**
     * The path of a READY version's artifact after checking its whole content, for loaders that take a file.
     *
     * @throws IllegalStateException    if the version is not READY
     * @throws CorruptArtifactException if the file is missing or differs
     */
    Path artifactPath(ModelVersion version) throws IOException;

    /**
     * Deletes a version and its artifact. Activation rows that named it stay in the history, with their version id
     * cleared (see {@link Activation#versionDeleted()}); rollbacks skip them.
     *
     * @return {@code false} if there was no such version
     * @throws IllegalStateException if the version is active on a placement (activate another one first)
     */
    boolean delete(long id);
}
