package io.shelfwise.registry;

import io.shelfwise.events.Names;
import io.shelfwise.jdbc.Transaction;
import io.shelfwise.registry.Activation.Reason;
import io.shelfwise.registry.ModelVersion.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The model registry on plain JDBC, over the tables of migration V3 ({@code SW_MODEL_VERSION},
 * {@code SW_MODEL_STRATEGY}, {@code SW_PLACEMENT_ACTIVATION}; see {@code ShelfwiseSchema.migrate}), with artifacts
 * in a {@link ModelArtifactStore}.
 * <p>
 * Thread-safe: each call borrows its own connection and runs in one transaction. Status changes are conditional
 * updates ({@code ... WHERE STATUS = 'TRAINING'}), so a cancellation and a completion racing each other cannot both
 * win. Version numbers come from a per-strategy counter row; concurrent starts of one strategy queue on it, and the
 * rare conflict (two first starts of a new strategy) is retried.
 */
public final class JdbcModelRegistry implements ModelRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcModelRegistry.class);

    private static final String COLUMNS = "ID, STRATEGY, VERSION, STATUS, CREATED_AT, COMPLETED_AT, DATA_FROM, "
            + "DATA_TO, TRAIN_SECONDS, ITEM_COUNT, METRICS_JSON, PROVENANCE_JSON, SETTINGS_JSON, ARTIFACT_FILE, "
            + "ARTIFACT_SHA256, ARTIFACT_BYTES, MESSAGE, PROGRESS";
    private static final String SELECT_VERSION = "SELECT " + COLUMNS + " FROM SW_MODEL_VERSION";
    private static final String SELECT_JOINED = "SELECT a.PLACEMENT, v." + COLUMNS.replace(", ", ", v.")
            + " FROM SW_PLACEMENT_ACTIVATION a JOIN SW_MODEL_VERSION v ON v.ID = a.VERSION_ID";
    private static final String LATEST_PER_PLACEMENT = "SELECT MAX(ID) FROM SW_PLACEMENT_ACTIVATION GROUP BY PLACEMENT";
    private static final String ACTIVATION_COLUMNS = "ID, PLACEMENT, VERSION_ID, STRATEGY, VERSION, ACTIVATED_AT, "
            + "ACTIVATED_BY, REASON";
    private static final int MAX_MESSAGE = 2000;
    private static final int MAX_ATTEMPTS = 50;
    static final String INTERRUPTED = "interrupted";

    private final DataSource dataSource;
    private final ModelArtifactStore store;
    private final Clock clock;

    /**
     * @param dataSource the database holding the V3 tables (migrate it first with {@code ShelfwiseSchema.migrate})
     * @param store      where artifacts are written and read
     * @param clock      stamps creation, completion and activation times
     */
    public JdbcModelRegistry(DataSource dataSource, ModelArtifactStore store, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ModelVersion startTraining(String strategy, String settingsJson) {
        Names.strategy(strategy);
        for (int attempt = 1; ; attempt++) {
            try {
                return inTransaction("start training " + strategy, connection -> {
                    int number = nextNumber(connection, strategy);
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_MODEL_VERSION "
                            + "(STRATEGY, VERSION, STATUS, CREATED_AT, SETTINGS_JSON) VALUES (?,?,?,?,?)")) {
                        insert.setString(1, strategy);
                        insert.setInt(2, number);
                        insert.setString(3, Status.TRAINING.name());
                        insert.setTimestamp(4, Timestamp.from(now()));
                        insert.setString(5, settingsJson);
                        insert.executeUpdate();
                    }
                    return selectOne(connection, SELECT_VERSION + " WHERE STRATEGY = ? AND VERSION = ?", strategy, number);
                });
            } catch (RegistryException e) {
                if (attempt >= MAX_ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                pause(attempt, e);
            }
        }
    }

    /** Advances the strategy's counter, creating it at 1; the update's row lock queues concurrent starts. */
    private static int nextNumber(Connection connection, String strategy) throws SQLException {
        int updated;
        try (PreparedStatement bump = connection.prepareStatement(
                "UPDATE SW_MODEL_STRATEGY SET LAST_VERSION = LAST_VERSION + 1 WHERE STRATEGY = ?")) {
            bump.setString(1, strategy);
            updated = bump.executeUpdate();
        }
        if (updated == 0) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO SW_MODEL_STRATEGY (STRATEGY, LAST_VERSION) VALUES (?, 1)")) {
                insert.setString(1, strategy);
                insert.executeUpdate();
            }
            return 1;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT LAST_VERSION FROM SW_MODEL_STRATEGY WHERE STRATEGY = ?")) {
            select.setString(1, strategy);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** A unique-key clash, deadlock or serialisation failure: the transaction may simply be run again. */
    private static boolean isConflict(RegistryException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                String state = ((SQLException) t).getSQLState();
                if (state != null && (state.equals("23505") || state.equals("23000") || state.startsWith("40"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void pause(int attempt, RegistryException e) {
        try {
            Thread.sleep(Math.min(attempt, 20));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    @Override
    public void reportProgress(long id, double progress, String message) {
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("Progress is a fraction in [0, 1], was " + progress);
        }
        inTransaction("report progress of model version " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE SW_MODEL_VERSION SET PROGRESS = ?, "
                    + "MESSAGE = ? WHERE ID = ? AND STATUS = 'TRAINING'")) {
                update.setDouble(1, progress);
                update.setString(2, cut(message));
                update.setLong(3, id);
                if (update.executeUpdate() == 0) {
                    throw notTraining(existing(connection, id), "report progress");
                }
            }
            return null;
        });
    }

    @Override
    public ModelVersion completeTraining(long id, byte[] artifact, TrainingSummary summary) throws IOException {
        Objects.requireNonNull(artifact, "artifact");
        return complete(id, summary, v -> store.write(v.strategy(), v.version(), artifact));
    }

    @Override
    public ModelVersion completeTraining(long id, Path artifactFile, TrainingSummary summary) throws IOException {
        Objects.requireNonNull(artifactFile, "artifactFile");
        return complete(id, summary, v -> store.write(v.strategy(), v.version(), artifactFile));
    }

    /** Writes a version's artifact to the store. */
    private interface ArtifactWrite {
        StoredArtifact write(ModelVersion version) throws IOException;
    }

    private ModelVersion complete(long id, TrainingSummary summary, ArtifactWrite write) throws IOException {
        Objects.requireNonNull(summary, "summary");
        ModelVersion training = inTransaction("complete training of model version " + id,
                connection -> existing(connection, id));
        if (training.status() != Status.TRAINING) {
            throw notTraining(training, "complete training");
        }
        StoredArtifact artifact = write.write(training);
        boolean recorded = false;
        try {
            ModelVersion ready = inTransaction("complete training of " + training.label(), connection -> {
                try (PreparedStatement update = connection.prepareStatement("UPDATE SW_MODEL_VERSION SET STATUS = ?, "
                        + "COMPLETED_AT = ?, DATA_FROM = ?, DATA_TO = ?, TRAIN_SECONDS = ?, ITEM_COUNT = ?, "
                        + "METRICS_JSON = ?, PROVENANCE_JSON = ?, ARTIFACT_FILE = ?, ARTIFACT_SHA256 = ?, "
                        + "ARTIFACT_BYTES = ?, PROGRESS = 1 WHERE ID = ? AND STATUS = 'TRAINING'")) {
                    update.setString(1, Status.READY.name());
                    update.setTimestamp(2, Timestamp.from(now()));
                    setNullable(update, 3, summary.dataFrom(), Types.TIMESTAMP);
                    setNullable(update, 4, summary.dataTo(), Types.TIMESTAMP);
                    setNullable(update, 5, summary.trainSeconds(), Types.DOUBLE);
                    setNullable(update, 6, summary.itemCount(), Types.INTEGER);
                    update.setString(7, summary.metricsJson());
                    update.setString(8, summary.provenanceJson());
                    update.setString(9, artifact.fileName());
                    update.setString(10, artifact.sha256());
                    update.setLong(11, artifact.bytes());
                    update.setLong(12, id);
                    if (update.executeUpdate() == 0) {
                        throw notTraining(existing(connection, id), "complete training");
                    }
                }
                return existing(connection, id);
            });
            recorded = true;
            return ready;
        } finally {
            if (!recorded) {
                deleteArtifact(artifact.fileName());
            }
        }
    }

    @Override
    public void failTraining(long id, String message) {
        inTransaction("fail training of model version " + id, connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE SW_MODEL_VERSION SET STATUS = ?, "
                    + "COMPLETED_AT = ?, MESSAGE = ? WHERE ID = ? AND STATUS = 'TRAINING'")) {
                update.setString(1, Status.FAILED.name());
                update.setTimestamp(2, Timestamp.from(now()));
                update.setString(3, cut(message));
                update.setLong(4, id);
                if (update.executeUpdate() == 0) {
                    ModelVersion version = existing(connection, id);
                    if (version.status() == Status.READY) {
                        throw new IllegalStateException("Model version " + version.label() + " (#" + id
                                + ") is READY: a finished version cannot be failed (delete it instead)");
                    }
                }
            }
            return null;
        });
    }

    @Override
    public int recoverInterrupted() {
        List<ModelVersion> interrupted = inTransaction("recover interrupted training", connection -> {
            List<ModelVersion> failed = new ArrayList<>();
            try (PreparedStatement update = connection.prepareStatement("UPDATE SW_MODEL_VERSION SET STATUS = ?, "
                    + "COMPLETED_AT = ?, MESSAGE = ? WHERE ID = ? AND STATUS = 'TRAINING'")) {
                for (ModelVersion version : selectAll(connection, SELECT_VERSION + " WHERE STATUS = 'TRAINING'")) {
                    update.setString(1, Status.FAILED.name());
                    update.setTimestamp(2, Timestamp.from(now()));
                    update.setString(3, INTERRUPTED);
                    update.setLong(4, version.id());
                    if (update.executeUpdate() == 1) {
                        failed.add(version);
                    }
                }
            }
            return failed;
        });
        // A process stopped between storing an artifact and marking it READY leaves a file no version refers to.
        for (ModelVersion version : interrupted) {
            deleteArtifact(ModelArtifactStore.fileName(version.strategy(), version.version()));
        }
        try {
            int removed = store.deleteUnfinishedWrites();
            if (removed > 0) {
                LOG.info("Model store: deleted {} unfinished artifact write(s) in {}", removed, store.directory());
            }
        } catch (IOException e) {
            LOG.warn("Model store: cannot clean up unfinished writes in {}: {}", store.directory(), e.toString());
        }
        return interrupted.size();
    }

    @Override
    public void activate(String placement, long versionId, String activatedBy) {
        Names.placement(placement);
        RegistryNames.actor(activatedBy);
        inTransaction("activate model version " + versionId + " on " + placement, connection -> {
            ModelVersion version = existing(connection, versionId);
            if (version.status() != Status.READY) {
                throw new IllegalStateException("Only a READY model version can be activated; " + version.label()
                        + " (#" + versionId + ") is " + version.status()
                        + (version.message() == null ? "" : " (" + version.message() + ")"));
            }
            insertActivation(connection, placement, version, activatedBy, Reason.ACTIVATE);
            return null;
        });
    }

    private void insertActivation(Connection connection, String placement, ModelVersion version, String by,
                                  Reason reason) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_PLACEMENT_ACTIVATION "
                + "(PLACEMENT, VERSION_ID, STRATEGY, VERSION, ACTIVATED_AT, ACTIVATED_BY, REASON) VALUES (?,?,?,?,?,?,?)")) {
            insert.setString(1, placement);
            insert.setLong(2, version.id());
            insert.setString(3, version.strategy());
            insert.setInt(4, version.version());
            insert.setTimestamp(5, Timestamp.from(now()));
            insert.setString(6, by);
            insert.setString(7, reason.column());
            insert.executeUpdate();
        }
    }

    @Override
    public Optional<ModelVersion> active(String placement) {
        Names.placement(placement);
        return Optional.ofNullable(inTransaction("read the active version of " + placement, connection ->
                selectOne(connection, SELECT_JOINED + " WHERE a.ID = (SELECT MAX(ID) FROM SW_PLACEMENT_ACTIVATION "
                        + "WHERE PLACEMENT = ?)", placement)));
    }

    @Override
    public Map<String, ModelVersion> activePlacements() {
        return inTransaction("read the active versions", connection -> {
            Map<String, ModelVersion> active = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    SELECT_JOINED + " WHERE a.ID IN (" + LATEST_PER_PLACEMENT + ")");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    active.put(rs.getString("PLACEMENT"), map(rs));
                }
            }
            return Collections.unmodifiableMap(active);
        });
    }

    @Override
    public ModelVersion rollback(String placement, String by) {
        Names.placement(placement);
        RegistryNames.actor(by);
        return inTransaction("roll back " + placement, connection -> {
            List<Activation> history = activations(connection, placement);
            if (history.isEmpty()) {
                throw new IllegalStateException("Placement " + placement
                        + " never had a model version activated: there is nothing to roll back");
            }
            Activation current = history.get(0);
            Activation target = previous(history, current);
            if (target == null) {
                throw new IllegalStateException("Placement " + placement + " has no earlier model version to roll "
                        + "back to (it serves " + current.label() + "; earlier ones were never activated or are deleted)");
            }
            ModelVersion version = existing(connection, target.versionId());
            insertActivation(connection, placement, version, by, Reason.ROLLBACK);
            return version;
        });
    }

    /**
     * The activation a rollback returns to. The history (newest first) is replayed as a stack: an activation pushes,
     * a rollback pops back to the version it returned to. Below the current version, the first entry that is
     * another version and not deleted is the one.
     */
    private static Activation previous(List<Activation> newestFirst, Activation current) {
        Deque<Activation> stack = new ArrayDeque<>();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            Activation a = newestFirst.get(i);
            if (a.reason() == Reason.ROLLBACK) {
                while (!stack.isEmpty() && !stack.peek().label().equals(a.label())) {
                    stack.pop();
                }
                if (stack.isEmpty()) {
                    stack.push(a);
                }
            } else {
                stack.push(a);
            }
        }
        while (!stack.isEmpty() && (stack.peek().label().equals(current.label()) || stack.peek().versionDeleted())) {
            stack.pop();
        }
        return stack.peek();
    }

    @Override
    public List<Activation> activations(String placement) {
        Names.placement(placement);
        return inTransaction("read the activations of " + placement, connection -> activations(connection, placement));
    }

    private static List<Activation> activations(Connection connection, String placement) throws SQLException {
        List<Activation> history = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT " + ACTIVATION_COLUMNS
                + " FROM SW_PLACEMENT_ACTIVATION WHERE PLACEMENT = ? ORDER BY ID DESC")) {
            select.setString(1, placement);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong("VERSION_ID");
                    Long versionId = rs.wasNull() ? null : id;
                    history.add(new Activation(rs.getLong("ID"), rs.getString("PLACEMENT"), versionId,
                            rs.getString("STRATEGY"), rs.getInt("VERSION"),
                            instant(rs, "ACTIVATED_AT"), rs.getString("ACTIVATED_BY"),
                            Reason.ofColumn(rs.getString("REASON"))));
                }
            }
        }
        return Collections.unmodifiableList(history);
    }

    @Override
    public Optional<ModelVersion> version(long id) {
        return Optional.ofNullable(inTransaction("read model version " + id,
                connection -> selectOne(connection, SELECT_VERSION + " WHERE ID = ?", id)));
    }

    @Override
    public List<ModelVersion> versions(String strategy) {
        Names.strategy(strategy);
        return inTransaction("read the versions of " + strategy, connection ->
                selectAll(connection, SELECT_VERSION + " WHERE STRATEGY = ? ORDER BY VERSION DESC", strategy));
    }

    @Override
    public List<ModelVersion> versions() {
        return inTransaction("read the model versions", connection ->
                selectAll(connection, SELECT_VERSION + " ORDER BY ID DESC"));
    }

    @Override
    public InputStream openArtifact(ModelVersion version) throws IOException {
        StoredArtifact artifact = artifactOf(version);
        return store.open(artifact.fileName(), artifact.sha256());
    }

    @Override
    public Path artifactPath(ModelVersion version) throws IOException {
        StoredArtifact artifact = artifactOf(version);
        return store.verifiedPath(artifact.fileName(), artifact.sha256());
    }

    private static StoredArtifact artifactOf(ModelVersion version) {
        if (version.status() != Status.READY || version.artifact() == null) {
            throw new IllegalStateException("Model version " + version.label() + " (#" + version.id() + ") is "
                    + version.status() + ": only a READY version has an artifact");
        }
        return version.artifact();
    }

    @Override
    public boolean delete(long id) {
        ModelVersion deleted = inTransaction("delete model version " + id, connection -> {
            ModelVersion version = selectOne(connection, SELECT_VERSION + " WHERE ID = ?", id);
            if (version == null) {
                return null;
            }
            List<String> serving = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT PLACEMENT FROM SW_PLACEMENT_ACTIVATION "
                    + "WHERE VERSION_ID = ? AND ID IN (" + LATEST_PER_PLACEMENT + ") ORDER BY PLACEMENT")) {
                select.setLong(1, id);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        serving.add(rs.getString(1));
                    }
                }
            }
            if (!serving.isEmpty()) {
                throw new IllegalStateException("Model version " + version.label() + " (#" + id + ") is active on "
                        + String.join(", ", serving) + ": activate another version there (or roll back) first");
            }
            // Latest rows are never cleared: if an activation of this version commits meanwhile, the foreign key
            // then refuses the DELETE below, rather than a placement being left pointing at nothing. (The derived
            // table lets MySQL read the table it updates.)
            try (PreparedStatement detach = connection.prepareStatement("UPDATE SW_PLACEMENT_ACTIVATION "
                    + "SET VERSION_ID = NULL WHERE VERSION_ID = ? AND ID NOT IN (SELECT LATEST_ID FROM ("
                    + "SELECT MAX(ID) AS LATEST_ID FROM SW_PLACEMENT_ACTIVATION GROUP BY PLACEMENT) LATEST)")) {
                detach.setLong(1, id);
                detach.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SW_MODEL_VERSION WHERE ID = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            }
            return version;
        });
        if (deleted == null) {
            return false;
        }
        if (deleted.artifact() != null) {
            deleteArtifact(deleted.artifact().fileName());
        }
        return true;
    }

    /** Deletes a file that no row refers to (any more); a failure leaves a harmless orphan, so it is only logged. */
    private void deleteArtifact(String fileName) {
        try {
            store.delete(fileName);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Model store: cannot delete {} (no version refers to it): {}", fileName, e.toString());
        }
    }

    private static ModelVersion existing(Connection connection, long id) throws SQLException {
        ModelVersion version = selectOne(connection, SELECT_VERSION + " WHERE ID = ?", id);
        if (version == null) {
            throw new IllegalArgumentException("No model version with id " + id);
        }
        return version;
    }

    private static IllegalStateException notTraining(ModelVersion version, String action) {
        return new IllegalStateException("Cannot " + action + " of model version " + version.label() + " (#"
                + version.id() + "): it is " + version.status() + ", not TRAINING"
                + (version.message() == null ? "" : " (" + version.message() + ")"));
    }

    private static ModelVersion selectOne(Connection connection, String sql, Object... parameters) throws SQLException {
        List<ModelVersion> found = selectAll(connection, sql, parameters);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<ModelVersion> selectAll(Connection connection, String sql, Object... parameters)
            throws SQLException {
        List<ModelVersion> versions = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    versions.add(map(rs));
                }
            }
        }
        return Collections.unmodifiableList(versions);
    }

    private static ModelVersion map(ResultSet rs) throws SQLException {
        String file = rs.getString("ARTIFACT_FILE");
        StoredArtifact artifact = file == null ? null
                : new StoredArtifact(file, rs.getString("ARTIFACT_SHA256").trim(), rs.getLong("ARTIFACT_BYTES"));
        double trainSeconds = rs.getDouble("TRAIN_SECONDS");
        Double seconds = rs.wasNull() ? null : trainSeconds;
        int itemCount = rs.getInt("ITEM_COUNT");
        Integer items = rs.wasNull() ? null : itemCount;
        double progress = rs.getDouble("PROGRESS");
        Double fraction = rs.wasNull() ? null : progress;
        return new ModelVersion(rs.getLong("ID"), rs.getString("STRATEGY"), rs.getInt("VERSION"),
                Status.valueOf(rs.getString("STATUS").trim()), instant(rs, "CREATED_AT"), instant(rs, "COMPLETED_AT"),
                instant(rs, "DATA_FROM"), instant(rs, "DATA_TO"), seconds, items, rs.getString("METRICS_JSON"),
                rs.getString("PROVENANCE_JSON"), rs.getString("SETTINGS_JSON"), artifact, rs.getString("MESSAGE"),
                fraction);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Binds a value that may be {@code null}; an {@link Instant} as a timestamp. */
    private static void setNullable(PreparedStatement statement, int index, Object value, int sqlType)
            throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value instanceof Instant ? Timestamp.from((Instant) value) : value, sqlType);
        }
    }

    private static String cut(String message) {
        return message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
    }

    /** Times as the database keeps them (milliseconds), so what a call returns equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T inTransaction(String operation, Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new RegistryException("Model registry: cannot " + operation + ": " + e.getMessage(), e);
        }
    }
}
