package io.shelfwise.events.store;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.jdbc.Transaction;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The plugin's event store on plain JDBC: appends batches of events, links a visitor's history to the customer
 * they sign in as, reads consistent snapshots for training, and erases or exports one customer's history.
 * <p>
 * Thread-safe (each call borrows its own connection). Appends are meant to come from one writer at a time
 * ({@code io.shelfwise.events.capture.EventWriter}): event ids then grow in commit order, which is what lets a
 * snapshot be cut at an event id. Every failure surfaces as {@link EventStoreException} with the cause.
 */
public final class JdbcEventStore {

    private static final String COLUMNS = "EVENT_TYPE, SHOPPER_KEY, SESSION_ID, OCCURRED_AT, ITEM_ID, CATEGORY_ID, "
            + "SEARCH_QUERY, RESULT_COUNT, QUANTITY, UNIT_PRICE, ORDER_ID, ORDER_TOTAL, PLACEMENT, MODEL_VERSION, "
            + "AB_ARM, LINKED_KEY, RATING";
    private static final String INSERT = "INSERT INTO SW_EVENT (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final int FETCH_SIZE = 1000;

    private final DataSource dataSource;
    private final Clock clock;
    private volatile boolean filesKnown;
    private HsqldbFiles hsqldbFiles;

    public JdbcEventStore(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The clock this store reads "now" from (snapshot windows, retention); writers that need time use it too. */
    public Clock clock() {
        return clock;
    }

    /**
     * Appends events in one transaction: all of them or none. A {@link EventType#LOGIN} event also links the
     * visitor to the customer and moves the visitor's history so far onto the customer.
     * <p>
     * An acknowledged commit is then checked, as HSQLDB 2.3 acknowledges commits it could not write to its files (it
     * logs "data commit failed" and carries on): the events are read back by their ids in a transaction of their own
     * (this needs the driver to return generated ids, as HSQLDB's, PostgreSQL's and MySQL's do; without them it is
     * skipped), and on a file HSQLDB that logs each commit ({@code hsqldb.write_delay=false}, as the demo store) its
     * {@code .log} file must have grown by the batch and hold it whole, committed.
     *
     * @return the number of events written
     * @throws UnconfirmedCommitException if the database acknowledged the commit but did not store all of it, or not
     *                                    safely: it says which events to write again
     * @throws EventStoreException        if the database refused the batch (nothing of it is stored)
     */
    public int append(List<InteractionEvent> events) {
        if (events.isEmpty()) {
            return 0;
        }
        HsqldbFiles files = files();
        HsqldbFiles.Mark before = files == null ? null : files.mark();
        List<Long> ids = inTransaction(connection -> {
            List<Long> generated = new ArrayList<>(events.size());
            try (PreparedStatement insert = connection.prepareStatement(INSERT, new String[] {idColumn(connection)})) {
                for (InteractionEvent event : events) {
                    bind(insert, event);
                    insert.addBatch();
                }
                insert.executeBatch();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    while (keys.next()) {
                        generated.add(keys.getLong(1));
                    }
                }
            }
            for (InteractionEvent event : events) {
                if (event.type() == EventType.LOGIN) {
                    link(connection, event.shopper(), event.linkedCustomer(), event.occurredAt());
                }
            }
            return generated;
        });
        List<InteractionEvent> missing = ids.size() == events.size()
                ? missing(events, ids) : Collections.<InteractionEvent>emptyList();
        if (!missing.isEmpty()) {
            throw new UnconfirmedCommitException("The database acknowledged the commit of " + events.size()
                    + " events but did not store " + missing.size() + " of them: it could not write its files "
                    + "(is its disk full?)", missing, events.size());
        }
        long lastId = ids.size() == events.size() ? Collections.max(ids) : -1;
        if (files != null && !files.logged(before, events.size(), lastId)) {
            throw new UnconfirmedCommitException("HSQLDB acknowledged the commit of " + events.size() + " events "
                    + "but did not write it to its log " + files.log() + " (is its disk full?)",
                    Collections.<InteractionEvent>emptyList(), events.size());
        }
        return events.size();
    }

    /** The files of a file HSQLDB behind the data source, or {@code null}; looked up once. */
    private HsqldbFiles files() {
        if (!filesKnown) {
            synchronized (this) {
                if (!filesKnown) {
                    hsqldbFiles = inTransaction(HsqldbFiles::of);
                    filesKnown = true;
                }
            }
        }
        return hsqldbFiles;
    }

    /** The id column's name as the database folds unquoted names (PostgreSQL: lower case). */
    private static String idColumn(Connection connection) throws SQLException {
        return connection.getMetaData().storesLowerCaseIdentifiers() ? "event_id" : "EVENT_ID";
    }

    /** The events of {@code ids} (in the same order) that a new transaction does not find. */
    private List<InteractionEvent> missing(List<InteractionEvent> events, List<Long> ids) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (long id : ids) {
            min = Math.min(min, id);
            max = Math.max(max, id);
        }
        long low = min;
        long high = max;
        Set<Long> found = inTransaction(connection -> {
            Set<Long> present = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT EVENT_ID FROM SW_EVENT WHERE EVENT_ID BETWEEN ? AND ?")) {
                select.setLong(1, low);
                select.setLong(2, high);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        present.add(rs.getLong(1));
                    }
                }
            }
            return present;
        });
        List<InteractionEvent> missing = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (!found.contains(ids.get(i))) {
                missing.add(events.get(i));
            }
        }
        return missing;
    }

    /**
     * After writes failed: makes sure what the database has acknowledged since is safe on disk, so that a crash now
     * loses nothing it stored. Only HSQLDB file databases need it: once HSQLDB 2.3 has failed to write its log (a full
     * disk), it keeps acknowledging commits that a restart would not find, until its next successful checkpoint. So
     * on HSQLDB this runs {@code CHECKPOINT} and, as HSQLDB does not report a failed checkpoint either, checks that
     * the database's {@code .script} file was written anew. Other databases (PostgreSQL, MySQL) report a failed
     * commit to the client, and one they acknowledged is durable: nothing to do. An HSQLDB database in memory has no
     * files; one on a server ({@code hsql://}) is checkpointed but its files cannot be checked from here.
     *
     * A checkpoint moves what the log holds into the {@code .data} file of CACHED tables, and HSQLDB 2.3 does not
     * report that failing either: so it is not even tried while the disk lacks room for it (see
     * {@code HsqldbFiles.checkRoomForCheckpoint}); a checkpoint that then leaves the log's rows unwritten would
     * lose them with the log it deletes.
     *
     * @throws EventStoreException if the checkpoint fails, did not write the database's files, or there is no room
     */
    public void secureWrites() {
        HsqldbFiles files = files();
        inTransaction(connection -> {
            if (files == null && !HsqldbFiles.isServer(connection.getMetaData().getURL())) {
                return null;
            }
            if (files != null) {
                files.checkRoomForCheckpoint();
            }
            Object before = files == null ? null : files.scriptVersion();
            try (Statement checkpoint = connection.createStatement()) {
                checkpoint.execute("CHECKPOINT");
            }
            if (files != null && Objects.equals(before, files.scriptVersion())) {
                throw new SQLException("HSQLDB could not write its files: CHECKPOINT did not write " + files.script()
                        + " anew (is its disk full?)");
            }
            return null;
        });
    }

    private static void bind(PreparedStatement insert, InteractionEvent e) throws SQLException {
        insert.setString(1, e.type().name());
        insert.setString(2, e.shopper().toString());
        insert.setString(3, e.sessionId());
        insert.setTimestamp(4, Timestamp.from(e.occurredAt()));
        insert.setString(5, e.itemId());
        insert.setString(6, e.categoryId());
        insert.setString(7, e.query());
        setInteger(insert, 8, e.resultCount());
        setInteger(insert, 9, e.quantity());
        insert.setBigDecimal(10, e.unitPrice());
        insert.setString(11, e.orderId());
        insert.setBigDecimal(12, e.orderTotal());
        insert.setString(13, e.placement());
        insert.setString(14, e.modelVersion());
        insert.setString(15, e.abArm());
        insert.setString(16, e.linkedCustomer() == null ? null : e.linkedCustomer().toString());
        insert.setBigDecimal(17, e.rating());
    }

    private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.INTEGER);
        } else {
            statement.setInt(index, value);
        }
    }

    private static void link(Connection connection, ShopperKey visitor, ShopperKey customer, Instant at)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SW_SHOPPER_LINK WHERE VISITOR_KEY = ?")) {
            delete.setString(1, visitor.toString());
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO SW_SHOPPER_LINK (VISITOR_KEY, CUSTOMER_KEY, LINKED_AT) VALUES (?,?,?)")) {
            insert.setString(1, visitor.toString());
            insert.setString(2, customer.toString());
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE SW_EVENT SET SHOPPER_KEY = ? WHERE SHOPPER_KEY = ? AND EVENT_TYPE <> 'LOGIN'")) {
            move.setString(1, customer.toString());
            move.setString(2, visitor.toString());
            move.executeUpdate();
        }
    }

    /**
     * A consistent view of the events that occurred in {@code [from, to)}: the events committed when the snapshot
     * is taken, however many are appended while it is read.
     */
    public EventSnapshot snapshot(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("A snapshot window needs from < to, was " + from + " .. " + to);
        }
        long upTo = inTransaction(connection -> {
            try (PreparedStatement max = connection.prepareStatement("SELECT MAX(EVENT_ID) FROM SW_EVENT");
                 ResultSet rs = max.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return new EventSnapshot(this, from, to, upTo, clock.instant());
    }

    /** Streams the snapshot's events in event-id order; used by {@link EventSnapshot}. */
    void read(EventSnapshot snapshot, Consumer<StoredEvent> sink) {
        String sql = "SELECT EVENT_ID, " + COLUMNS + " FROM SW_EVENT WHERE EVENT_ID <= ? AND OCCURRED_AT >= ? "
                + "AND OCCURRED_AT < ? ORDER BY EVENT_ID";
        inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setFetchSize(FETCH_SIZE);
                select.setLong(1, snapshot.upToEventId());
                select.setTimestamp(2, Timestamp.from(snapshot.from()));
                select.setTimestamp(3, Timestamp.from(snapshot.to()));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new StoredEvent(rs.getLong(1), map(rs)));
                    }
                }
            }
            return null;
        });
    }

    /** Every event of a customer, including what they did as a visitor before signing in, oldest first. */
    public void export(ShopperKey customer, Consumer<InteractionEvent> sink) {
        Set<String> keys = keysOf(customer);
        inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT EVENT_ID, " + COLUMNS
                    + " FROM SW_EVENT WHERE SHOPPER_KEY IN (" + placeholders(keys.size()) + ") ORDER BY EVENT_ID")) {
                bindAll(select, keys);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(map(rs));
                    }
                }
            }
            return null;
        });
    }

    /**
     * Erases a customer's history: their events, their visitors' events and the visitor links. An opt-out is kept
     * (it is the customer's instruction, not their history).
     *
     * @return the number of events deleted
     */
    public int erase(ShopperKey customer) {
        Set<String> keys = keysOf(customer);
        return inTransaction(connection -> {
            int deleted;
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM SW_EVENT WHERE SHOPPER_KEY IN (" + placeholders(keys.size()) + ")")) {
                bindAll(delete, keys);
                deleted = delete.executeUpdate();
            }
            try (PreparedStatement links = connection.prepareStatement(
                    "DELETE FROM SW_SHOPPER_LINK WHERE CUSTOMER_KEY = ?")) {
                links.setString(1, customer.toString());
                links.executeUpdate();
            }
            return deleted;
        });
    }

    /** Records that a shopper does not want to be tracked. Idempotent. */
    public void optOut(ShopperKey shopper) {
        inTransaction(connection -> {
            if (!optedOut(connection).contains(shopper)) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO SW_OPT_OUT (SHOPPER_KEY, OPTED_OUT_AT) VALUES (?,?)")) {
                    insert.setString(1, shopper.toString());
                    insert.setTimestamp(2, Timestamp.from(clock.instant()));
                    insert.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Withdraws an opt-out. Idempotent. */
    public void optIn(ShopperKey shopper) {
        inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM SW_OPT_OUT WHERE SHOPPER_KEY = ?")) {
                delete.setString(1, shopper.toString());
                delete.executeUpdate();
            }
            return null;
        });
    }

    /** Everyone who opted out. */
    public Set<ShopperKey> optedOut() {
        return inTransaction(JdbcEventStore::optedOut);
    }

    private static Set<ShopperKey> optedOut(Connection connection) throws SQLException {
        Set<ShopperKey> keys = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT SHOPPER_KEY FROM SW_OPT_OUT");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                keys.add(ShopperKey.parse(rs.getString(1)));
            }
        }
        return keys;
    }

    /** The order ids that CHECKOUT events have been recorded for (used to make imports idempotent). */
    public Set<String> recordedOrderIds() {
        return inTransaction(connection -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT DISTINCT ORDER_ID FROM SW_EVENT WHERE EVENT_TYPE = 'CHECKOUT'");
                 ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    /**
     * A shopper's latest events that name an item (views, cart adds, purchases, ratings), newest first: what
     * serving reads as the shopper's history. Reads by the shopper key only (a customer's events are moved to
     * their key when they sign in).
     *
     * @param limit at most this many events
     */
    public List<InteractionEvent> recentItemEvents(ShopperKey shopper, int limit) {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT EVENT_ID, " + COLUMNS
                    + " FROM SW_EVENT WHERE SHOPPER_KEY = ? AND ITEM_ID IS NOT NULL AND EVENT_TYPE IN "
                    + "('PRODUCT_VIEW','CART_ADD','CHECKOUT','RATED') ORDER BY EVENT_ID DESC")) {
                select.setMaxRows(limit);
                select.setString(1, shopper.toString());
                List<InteractionEvent> events = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next() && events.size() < limit) {
                        events.add(map(rs));
                    }
                }
                return events;
            }
        });
    }

    /** When the latest stored event occurred, or {@code null} when the store is empty. */
    public Instant latestEventTime() {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(OCCURRED_AT) FROM SW_EVENT");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                Timestamp latest = rs.getTimestamp(1);
                return latest == null ? null : latest.toInstant();
            }
        });
    }

    /** Number of events stored (all time). */
    public long count() {
        return inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM SW_EVENT");
                 ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private Set<String> keysOf(ShopperKey customer) {
        if (!customer.isCustomer()) {
            throw new IllegalArgumentException("Erase and export work on a customer key (c:...), was " + customer);
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(customer.toString());
        inTransaction(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT VISITOR_KEY FROM SW_SHOPPER_LINK WHERE CUSTOMER_KEY = ?")) {
                select.setString(1, customer.toString());
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                    }
                }
            }
            return null;
        });
        return keys;
    }

    private static String placeholders(int n) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "?" : ",?");
        }
        return out.toString();
    }

    private static void bindAll(PreparedStatement statement, Collection<String> values) throws SQLException {
        int i = 1;
        for (String value : values) {
            statement.setString(i++, value);
        }
    }

    private static InteractionEvent map(ResultSet rs) throws SQLException {
        InteractionEvent.Builder b = InteractionEvent.builder(EventType.valueOf(rs.getString("EVENT_TYPE")),
                ShopperKey.parse(rs.getString("SHOPPER_KEY")), rs.getTimestamp("OCCURRED_AT").toInstant());
        b.sessionId(rs.getString("SESSION_ID"))
                .item(rs.getString("ITEM_ID"))
                .category(rs.getString("CATEGORY_ID"))
                .placement(rs.getString("PLACEMENT"))
                .model(rs.getString("MODEL_VERSION"), rs.getString("AB_ARM"));
        String query = rs.getString("SEARCH_QUERY");
        if (query != null) {
            b.query(query, rs.getInt("RESULT_COUNT"));
        }
        int quantity = rs.getInt("QUANTITY");
        if (!rs.wasNull()) {
            b.quantity(quantity);
        }
        BigDecimal price = rs.getBigDecimal("UNIT_PRICE");
        if (price != null) {
            b.unitPrice(price);
        }
        String orderId = rs.getString("ORDER_ID");
        if (orderId != null) {
            b.order(orderId, rs.getBigDecimal("ORDER_TOTAL"));
        }
        BigDecimal rating = rs.getBigDecimal("RATING");
        if (rating != null) {
            b.rating(rating);
        }
        String linked = rs.getString("LINKED_KEY");
        if (linked != null) {
            b.linkedCustomer(ShopperKey.parse(linked));
        }
        return b.build();
    }

    private <T> T inTransaction(Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new EventStoreException("Event store: " + e.getMessage(), e);
        }
    }
}
