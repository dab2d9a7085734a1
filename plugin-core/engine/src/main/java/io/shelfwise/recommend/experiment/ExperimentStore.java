package io.shelfwise.recommend.experiment;

import io.shelfwise.jdbc.Transaction;
import io.shelfwise.recommend.Placement;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * A/B experiments in the plugin's tables (migration V5): created as drafts, started, stopped, and ended by
 * promoting an arm, which makes what it served the placement's normal serving.
 * <p>
 * Every call is one transaction. Misuse (arms that do not add up, unknown placement or version, a second running
 * experiment on a placement, a wrong status) is an {@link IllegalArgumentException} or {@link IllegalStateException}
 * saying what to do, with nothing written; a database failure an {@link ExperimentStoreException}. Reads go to the
 * database each time ({@link ExperimentSync} polls {@link #running()}). Thread-safe.
 */
public final class ExperimentStore {

    private static final int MAX_NAME = 128;
    private static final int MAX_ACTOR = 128;
    private static final String EXPERIMENT_COLUMNS = "ID, NAME, PLACEMENT, STATUS, CREATED_AT, CREATED_BY, "
            + "STARTED_AT, STARTED_BY, STOPPED_AT, STOPPED_BY, WINNER_ARM, PROMOTED_AT, PROMOTED_BY";

    private final DataSource dataSource;
    private final ModelRegistry registry;
    private final Supplier<Map<String, Placement>> placements;
    private final Clock clock;

    /**
     * @param placements the storefront's placements as configured, by name (e.g. {@code recommender::placements})
     */
    public ExperimentStore(DataSource dataSource, ModelRegistry registry,
                           Supplier<Map<String, Placement>> placements, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.placements = Objects.requireNonNull(placements, "placements");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records a new experiment as a DRAFT. The arms are checked together: at least two, names unique, traffic
     * percents adding up to exactly 100, every model version existing, READY and of a strategy in the chain the
     * arm serves, every arm's settings a valid placement; and no other experiment may be running on the placement.
     *
     * @param arms in order; the first is the control
     * @throws IllegalArgumentException naming the first problem found; nothing is written
     * @throws IllegalStateException    if an experiment is running on the placement
     */
    public Experiment create(String name, String placement, List<Arm> arms, String createdBy) {
        String title = name == null ? null : name.trim();
        if (title == null || title.isEmpty() || title.length() > MAX_NAME) {
            throw new IllegalArgumentException("Give the experiment a name of 1 to " + MAX_NAME + " characters");
        }
        String by = actor(createdBy);
        Placement base = placement(placement);
        List<Arm> checked = check(base, arms);
        Instant now = now();
        return inTransaction("create experiment '" + title + "'", connection -> {
            Experiment running = runningOn(connection, placement);
            if (running != null) {
                throw new IllegalStateException(busy(running));
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_EXPERIMENT (NAME, PLACEMENT, "
                    + "STATUS, CREATED_AT, CREATED_BY) VALUES (?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, title);
                insert.setString(2, placement);
                insert.setString(3, Experiment.Status.DRAFT.name());
                insert.setTimestamp(4, Timestamp.from(now));
                insert.setString(5, by);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_EXPERIMENT_ARM (EXPERIMENT_ID, "
                    + "ARM_ORDER, NAME, TRAFFIC_PERCENT, VERSION_ID, STRATEGY, VERSION_NUMBER, CHAIN, EXCLUDE_VIEWED, "
                    + "EXCLUDE_PURCHASED, MAX_PER_CATEGORY) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < checked.size(); i++) {
                    Arm arm = checked.get(i);
                    insert.setLong(1, id);
                    insert.setInt(2, i);
                    insert.setString(3, arm.name());
                    insert.setInt(4, arm.percent());
                    set(insert, 5, arm.versionId(), Types.BIGINT);
                    insert.setString(6, arm.strategy());
                    set(insert, 7, arm.versionNumber(), Types.INTEGER);
                    insert.setString(8, arm.chainText());
                    set(insert, 9, arm.excludeViewed(), Types.BOOLEAN);
                    set(insert, 10, arm.excludePurchased(), Types.BOOLEAN);
                    set(insert, 11, arm.maxPerCategory(), Types.INTEGER);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return read(connection, id);
        });
    }

    /**
     * Starts splitting the placement's shoppers between the arms.
     *
     * @throws IllegalArgumentException if there is no such experiment
     * @throws IllegalStateException    if it is not a DRAFT, another experiment runs on its placement, or one of its
     *                                  model versions is no longer READY
     */
    public Experiment start(long id, String startedBy) {
        String by = actor(startedBy);
        Experiment draft = require(id);
        if (draft.status() != Experiment.Status.DRAFT) {
            throw new IllegalStateException("Experiment #" + id + " is " + draft.status() + "; only a draft can be "
                    + "started (create a new experiment to test again)");
        }
        for (Arm arm : draft.arms()) {
            if (arm.versionId() != null) {
                Optional<ModelVersion> version = registry.version(arm.versionId());
                if (!version.isPresent() || !version.get().isReady()) {
                    throw new IllegalStateException("Experiment #" + id + ": arm " + arm.name() + "'s model version "
                            + arm.describe() + " is " + (version.isPresent() ? version.get().status() : "deleted")
                            + "; create the experiment again with a READY version");
                }
            }
        }
        Instant now = now();
        try {
            return inTransaction("start experiment #" + id, connection -> {
                Experiment running = runningOn(connection, draft.placement());
                if (running != null) {
                    throw new IllegalStateException(busy(running));
                }
                try (PreparedStatement update = connection.prepareStatement("UPDATE SW_EXPERIMENT SET STATUS = ?, "
                        + "RUNNING_PLACEMENT = ?, STARTED_AT = ?, STARTED_BY = ? WHERE ID = ? AND STATUS = ?")) {
                    update.setString(1, Experiment.Status.RUNNING.name());
                    update.setString(2, draft.placement());
                    update.setTimestamp(3, Timestamp.from(now));
                    update.setString(4, by);
                    update.setLong(5, id);
                    update.setString(6, Experiment.Status.DRAFT.name());
                    if (update.executeUpdate() != 1) {
                        throw new IllegalStateException("Experiment #" + id + " was started or stopped meanwhile");
                    }
                }
                return read(connection, id);
            });
        } catch (ExperimentStoreException e) {
            if (e.getCause() instanceof SQLException && isConstraint((SQLException) e.getCause())) {
                // another node started one on the same placement at the same moment: the UNIQUE constraint held
                throw new IllegalStateException("Another experiment was started on " + draft.placement()
                        + " at the same moment; stop it first", e);
            }
            throw e;
        }
    }

    /**
     * Ends an experiment: its placement serves as configured again on every node within a poll. A draft may be
     * stopped too (it is then never run).
     *
     * @throws IllegalArgumentException if there is no such experiment
     * @throws IllegalStateException    if it is already stopped
     */
    public Experiment stop(long id, String stoppedBy) {
        String by = actor(stoppedBy);
        Instant now = now();
        return inTransaction("stop experiment #" + id, connection -> {
            Experiment current = read(connection, id);
            if (current == null) {
                throw new IllegalArgumentException(unknown(id));
            }
            stop(connection, current, now, by);
            return read(connection, id);
        });
    }

    private static void stop(Connection connection, Experiment current, Instant now, String by) throws SQLException {
        if (current.status() == Experiment.Status.STOPPED) {
            throw new IllegalStateException("Experiment #" + current.id() + " is already stopped");
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE SW_EXPERIMENT SET STATUS = ?, "
                + "RUNNING_PLACEMENT = NULL, STOPPED_AT = ?, STOPPED_BY = ? WHERE ID = ? AND STATUS = ?")) {
            update.setString(1, Experiment.Status.STOPPED.name());
            update.setTimestamp(2, Timestamp.from(now));
            update.setString(3, by);
            update.setLong(4, current.id());
            update.setString(5, current.status().name());
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("Experiment #" + current.id() + " changed meanwhile; look again");
            }
        }
    }

    /**
     * Stops the experiment (if running) and makes the arm's choice the placement's normal serving: its model
     * version is activated on the slot {@code <placement>.<strategy>} of the registry (so every node serves it
     * there, see {@code ActiveModelSync}). Its settings, if it has any, are saved as the placement's by
     * {@link ExperimentPromotion}, which calls this. Promoting the control (or any arm serving the placement as
     * configured) only ends the experiment with that arm recorded as the winner.
     *
     * @throws IllegalArgumentException if there is no such experiment or arm
     * @throws IllegalStateException    if it was never started, was already promoted, or the version is no longer
     *                                  READY; nothing is changed
     */
    public Experiment promote(long id, String armName, String promotedBy) {
        String by = actor(promotedBy);
        Instant now = now();
        return inTransaction("promote arm " + armName + " of experiment #" + id, connection -> {
            Experiment current = read(connection, id);
            if (current == null) {
                throw new IllegalArgumentException(unknown(id));
            }
            Arm arm = current.arm(armName);
            if (arm == null) {
                List<String> names = new ArrayList<>();
                for (Arm a : current.arms()) {
                    names.add(a.name());
                }
                throw new IllegalArgumentException("Experiment #" + id + " has no arm '" + armName + "'; its arms are "
                        + names);
            }
            if (current.status() == Experiment.Status.DRAFT) {
                throw new IllegalStateException("Experiment #" + id + " never ran; start it, or stop the draft");
            }
            if (current.winnerArm() != null) {
                throw new IllegalStateException("Experiment #" + id + " already promoted arm " + current.winnerArm());
            }
            if (current.isRunning()) {
                stop(connection, current, now, by);
            }
            try (PreparedStatement update = connection.prepareStatement("UPDATE SW_EXPERIMENT SET WINNER_ARM = ?, "
                    + "PROMOTED_AT = ?, PROMOTED_BY = ? WHERE ID = ? AND WINNER_ARM IS NULL")) {
                update.setString(1, arm.name());
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, by);
                update.setLong(4, id);
                if (update.executeUpdate() != 1) {
                    throw new IllegalStateException("Experiment #" + id + " was promoted meanwhile; look again");
                }
            }
            if (arm.versionId() != null) {
                // last: if the registry refuses, this transaction rolls back and nothing has changed
                registry.activate(current.placement() + "." + arm.strategy(), arm.versionId(), by);
            }
            return read(connection, id);
        });
    }

    /** The experiment, or empty. */
    public Optional<Experiment> get(long id) {
        return Optional.ofNullable(inTransaction("read experiment #" + id, connection -> read(connection, id)));
    }

    /** Every experiment, newest first. */
    public List<Experiment> list() {
        return inTransaction("list experiments", connection -> select(connection, "ORDER BY ID DESC", null));
    }

    /** The running experiments, by placement. */
    public Map<String, Experiment> running() {
        return inTransaction("read running experiments", connection -> {
            Map<String, Experiment> byPlacement = new TreeMap<>();
            for (Experiment e : select(connection, "WHERE STATUS = 'RUNNING' ORDER BY ID", null)) {
                byPlacement.put(e.placement(), e);
            }
            return byPlacement;
        });
    }

    private Placement placement(String name) {
        Map<String, Placement> known = placements.get();
        Placement base = name == null ? null : known.get(name);
        if (base == null) {
            throw new IllegalArgumentException("No storefront placement '" + name + "' to test; known: "
                    + new java.util.TreeSet<>(known.keySet()));
        }
        return base;
    }

    /** The arms with their versions' strategies filled in; throws at the first problem. */
    private List<Arm> check(Placement base, List<Arm> arms) {
        if (arms == null || arms.size() < 2) {
            throw new IllegalArgumentException("An A/B test needs at least two arms (the first is the control), had "
                    + (arms == null ? 0 : arms.size()));
        }
        Set<String> names = new HashSet<>();
        int total = 0;
        StringBuilder split = new StringBuilder();
        for (Arm arm : arms) {
            Objects.requireNonNull(arm, "arm");
            if (!names.add(arm.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("Two arms are named '" + arm.name() + "'; give each arm its own "
                        + "name (A, B, C...)");
            }
            total += arm.percent();
            split.append(split.length() == 0 ? "" : " + ").append(arm.percent());
        }
        if (total != 100) {
            throw new IllegalArgumentException("The arms' traffic must add up to exactly 100%: " + split + " = "
                    + total + "%");
        }
        List<Arm> checked = new ArrayList<>();
        for (Arm arm : arms) {
            try {
                arm.applyTo(base);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Arm " + arm.name() + ": " + e.getMessage(), e);
            }
            if (arm.versionId() == null) {
                checked.add(arm);
                continue;
            }
            Optional<ModelVersion> found = registry.version(arm.versionId());
            if (!found.isPresent()) {
                throw new IllegalArgumentException("Arm " + arm.name() + ": there is no model version #"
                        + arm.versionId());
            }
            ModelVersion version = found.get();
            if (!version.isReady()) {
                throw new IllegalArgumentException("Arm " + arm.name() + ": model version " + version.label()
                        + " is " + version.status() + "; only READY versions can be tested");
            }
            Set<String> strategies = arm.strategies(base);
            if (!strategies.contains(version.strategy())) {
                throw new IllegalArgumentException("Arm " + arm.name() + ": " + version.label() + " is a "
                        + version.strategy() + " model, but the chain it would serve on " + base.name()
                        + " has only " + strategies + "; pick a version of one of those");
            }
            checked.add(arm.withVersion(version.strategy(), version.version()));
        }
        return checked;
    }

    private static Experiment runningOn(Connection connection, String placement) throws SQLException {
        List<Experiment> found = select(connection, "WHERE STATUS = 'RUNNING' AND PLACEMENT = ?", placement);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String busy(Experiment running) {
        return "Experiment #" + running.id() + " '" + running.name() + "' is running on " + running.placement()
                + "; stop or promote it first (one experiment per placement at a time)";
    }

    private Experiment require(long id) {
        return get(id).orElseThrow(() -> new IllegalArgumentException(unknown(id)));
    }

    private static String unknown(long id) {
        return "There is no experiment #" + id;
    }

    private static Experiment read(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EXPERIMENT_COLUMNS
                + " FROM SW_EXPERIMENT WHERE ID = ?")) {
            select.setLong(1, id);
            List<Experiment> found = map(connection, select);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<Experiment> select(Connection connection, String where, String parameter)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + EXPERIMENT_COLUMNS
                + " FROM SW_EXPERIMENT " + where)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            return map(connection, select);
        }
    }

    private static List<Experiment> map(Connection connection, PreparedStatement select) throws SQLException {
        Map<Long, Object[]> rows = new LinkedHashMap<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.put(rs.getLong("ID"), new Object[] {rs.getString("NAME"), rs.getString("PLACEMENT"),
                        Experiment.Status.valueOf(rs.getString("STATUS")), instant(rs, "CREATED_AT"),
                        rs.getString("CREATED_BY"), instant(rs, "STARTED_AT"), rs.getString("STARTED_BY"),
                        instant(rs, "STOPPED_AT"), rs.getString("STOPPED_BY"), rs.getString("WINNER_ARM"),
                        instant(rs, "PROMOTED_AT"), rs.getString("PROMOTED_BY")});
            }
        }
        List<Experiment> out = new ArrayList<>();
        for (Map.Entry<Long, Object[]> row : rows.entrySet()) {
            Object[] v = row.getValue();
            out.add(new Experiment(row.getKey(), (String) v[0], (String) v[1], (Experiment.Status) v[2],
                    arms(connection, row.getKey()), (Instant) v[3], (String) v[4], (Instant) v[5], (String) v[6],
                    (Instant) v[7], (String) v[8], (String) v[9], (Instant) v[10], (String) v[11]));
        }
        return out;
    }

    private static List<Arm> arms(Connection connection, long experimentId) throws SQLException {
        List<Arm> arms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT NAME, TRAFFIC_PERCENT, VERSION_ID, "
                + "STRATEGY, VERSION_NUMBER, CHAIN, EXCLUDE_VIEWED, EXCLUDE_PURCHASED, MAX_PER_CATEGORY "
                + "FROM SW_EXPERIMENT_ARM WHERE EXPERIMENT_ID = ? ORDER BY ARM_ORDER")) {
            select.setLong(1, experimentId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Arm.Builder b = Arm.builder(rs.getString("NAME"), rs.getInt("TRAFFIC_PERCENT"));
                    long version = rs.getLong("VERSION_ID");
                    if (!rs.wasNull()) {
                        b.version(version);
                    }
                    String chain = rs.getString("CHAIN");
                    if (chain != null) {
                        b.chain(chain);
                    }
                    b.excludeViewed(bool(rs, "EXCLUDE_VIEWED"));
                    b.excludePurchased(bool(rs, "EXCLUDE_PURCHASED"));
                    int cap = rs.getInt("MAX_PER_CATEGORY");
                    b.maxPerCategory(rs.wasNull() ? null : cap);
                    Arm arm = b.build();
                    String strategy = rs.getString("STRATEGY");
                    int number = rs.getInt("VERSION_NUMBER");
                    arms.add(strategy == null || rs.wasNull() ? arm : arm.withVersion(strategy, number));
                }
            }
        }
        return arms;
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void set(PreparedStatement statement, int index, Object value, int sqlType) throws SQLException {
        if (value == null) {
            statement.setNull(index, sqlType);
        } else {
            statement.setObject(index, value, sqlType);
        }
    }

    private static boolean isConstraint(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("23");
    }

    private static String actor(String who) {
        if (who == null || who.trim().isEmpty() || who.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("Say who acts in 1 to " + MAX_ACTOR + " characters (a user name), was '"
                    + who + "'");
        }
        return who;
    }

    /** Times as the database keeps them (milliseconds), so what a call returns equals what is read back. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T inTransaction(String operation, Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new ExperimentStoreException("Experiments: cannot " + operation + ": " + e.getMessage(), e);
        }
    }
}
