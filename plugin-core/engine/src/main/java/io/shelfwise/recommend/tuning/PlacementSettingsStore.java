package io.shelfwise.recommend.tuning;

import io.shelfwise.jdbc.Transaction;
import io.shelfwise.recommend.Placement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * Saved per-placement overrides on plain JDBC, over the tables of migration V6 ({@code SW_PLACEMENT_SETTINGS}, one
 * row per overridden placement, and {@code SW_PLACEMENT_SETTINGS_HISTORY}, every save and reset appended). It stores
 * what it is given; {@link PlacementTuning} decides what may be saved. Thread-safe: each call is one transaction on
 * a connection of its own. Database failures are {@link IllegalStateException}s naming the operation, with nothing
 * of it kept.
 */
public final class PlacementSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementSettingsStore.class);
    private static final int MAX_ACTOR = 128;

    private final DataSource dataSource;
    private final Clock clock;

    /** @param dataSource the database holding the V6 tables (migrate it first with {@code ShelfwiseSchema.migrate}) */
    public PlacementSettingsStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Saves a placement's settings, replacing any saved before (which stay in the history).
     *
     * @param by who; 1 to 128 characters
     * @return what is now stored
     */
    public StoredPlacementSettings save(Placement placement, String by) {
        Objects.requireNonNull(placement, "placement");
        checkActor(by);
        String json = PlacementJson.write(placement);
        Instant now = now();
        return inTransaction("save the settings of " + placement.name(), connection -> {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE SW_PLACEMENT_SETTINGS SET "
                    + "SETTINGS_JSON = ?, REVISION = REVISION + 1, UPDATED_AT = ?, UPDATED_BY = ? WHERE PLACEMENT = ?")) {
                update.setString(1, json);
                update.setTimestamp(2, Timestamp.from(now));
                update.setString(3, by);
                update.setString(4, placement.name());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_PLACEMENT_SETTINGS "
                        + "(PLACEMENT, SETTINGS_JSON, REVISION, UPDATED_AT, UPDATED_BY) VALUES (?,?,1,?,?)")) {
                    insert.setString(1, placement.name());
                    insert.setString(2, json);
                    insert.setTimestamp(3, Timestamp.from(now));
                    insert.setString(4, by);
                    insert.executeUpdate();
                }
            }
            appendHistory(connection, placement.name(), json, now, by);
            return select(connection, placement.name());
        });
    }

    /**
     * Deletes a placement's saved settings, so it serves its standard ones again; the history keeps them.
     *
     * @return {@code false} if nothing was saved for it
     */
    public boolean delete(String placement, String by) {
        Objects.requireNonNull(placement, "placement");
        checkActor(by);
        Instant now = now();
        return inTransaction("reset the settings of " + placement, connection -> {
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM SW_PLACEMENT_SETTINGS WHERE PLACEMENT = ?")) {
                delete.setString(1, placement);
                deleted = delete.executeUpdate();
            }
            if (deleted > 0) {
                appendHistory(connection, placement, null, now, by);
            }
            return deleted > 0;
        });
    }

    /** A placement's saved settings, or empty when it serves its standard ones. */
    public Optional<StoredPlacementSettings> find(String placement) {
        return Optional.ofNullable(inTransaction("read the settings of " + placement,
                connection -> select(connection, placement)));
    }

    /**
     * Every saved override, by placement name. A row that no longer reads as valid settings (written by another
     * version, or edited by hand) is left out and logged, never deleted.
     */
    public Map<String, StoredPlacementSettings> all() {
        return inTransaction("read the placement settings", connection -> {
            Map<String, StoredPlacementSettings> all = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT PLACEMENT, SETTINGS_JSON, REVISION, "
                    + "UPDATED_AT, UPDATED_BY FROM SW_PLACEMENT_SETTINGS");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    StoredPlacementSettings settings = map(rs);
                    if (settings != null) {
                        all.put(settings.placement().name(), settings);
                    }
                }
            }
            return Collections.unmodifiableMap(all);
        });
    }

    /** A placement's saves and resets, newest first. */
    public List<PlacementSettingsChange> history(String placement) {
        return inTransaction("read the settings history of " + placement, connection -> {
            List<PlacementSettingsChange> changes = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT ID, PLACEMENT, SETTINGS_JSON, "
                    + "CHANGED_AT, CHANGED_BY FROM SW_PLACEMENT_SETTINGS_HISTORY WHERE PLACEMENT = ? ORDER BY ID DESC")) {
                select.setString(1, placement);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new PlacementSettingsChange(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getTimestamp(4).toInstant(), rs.getString(5)));
                    }
                }
            }
            return Collections.unmodifiableList(changes);
        });
    }

    private static void appendHistory(Connection connection, String placement, String json, Instant at, String by)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO SW_PLACEMENT_SETTINGS_HISTORY "
                + "(PLACEMENT, SETTINGS_JSON, CHANGED_AT, CHANGED_BY) VALUES (?,?,?,?)")) {
            insert.setString(1, placement);
            insert.setString(2, json);
            insert.setTimestamp(3, Timestamp.from(at));
            insert.setString(4, by);
            insert.executeUpdate();
        }
    }

    private static StoredPlacementSettings select(Connection connection, String placement) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT PLACEMENT, SETTINGS_JSON, REVISION, "
                + "UPDATED_AT, UPDATED_BY FROM SW_PLACEMENT_SETTINGS WHERE PLACEMENT = ?")) {
            select.setString(1, placement);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? map(rs) : null;
            }
        }
    }

    private static StoredPlacementSettings map(ResultSet rs) throws SQLException {
        String name = rs.getString("PLACEMENT");
        String json = rs.getString("SETTINGS_JSON");
        try {
            Placement placement = PlacementJson.read(json);
            if (!placement.name().equals(name)) {
                throw new IllegalArgumentException("the settings name placement " + placement.name());
            }
            return new StoredPlacementSettings(placement, json, rs.getLong("REVISION"),
                    rs.getTimestamp("UPDATED_AT").toInstant(), rs.getString("UPDATED_BY"));
        } catch (IllegalArgumentException e) {
            LOG.error("Shelfwise: the saved settings of placement " + name + " cannot be read (" + e.getMessage()
                    + "); it keeps what it serves. Save them again in the admin.");
            return null;
        }
    }

    private static void checkActor(String by) {
        if (by == null || by.trim().isEmpty() || by.length() > MAX_ACTOR) {
            throw new IllegalArgumentException("Say who changes the settings (1 to " + MAX_ACTOR
                    + " characters), was '" + by + "'");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private <T> T inTransaction(String operation, Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Placement settings: cannot " + operation + ": " + e.getMessage(), e);
        }
    }
}
