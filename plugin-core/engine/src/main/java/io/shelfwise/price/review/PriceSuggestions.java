package io.shelfwise.price.review;

import io.shelfwise.jdbc.Transaction;
import io.shelfwise.price.DemandEstimate;
import io.shelfwise.price.PriceFactor;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PriceSuggestion;
import tools.jackson.databind.json.JsonMapper;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The review flow's storage (tables SW_PRICE_SUGGESTION and SW_PRICE_AUDIT, migration V4): suggestions are
 * recorded PENDING, an admin approves (at the suggested price or an edited one) or rejects them, and applying an
 * approved price to the catalogue is recorded with an audit row in the same transaction. Status changes are
 * conditional updates, so two admins deciding at once cannot both win: the loser gets an
 * {@link IllegalStateException} saying what the suggestion became. Each call is one transaction; database failures
 * are {@link IllegalStateException}s naming the operation. Thread-safe.
 */
public final class PriceSuggestions {

    private static final String COLUMNS = "ID, PRODUCT_ID, CURRENT_PRICE, SUGGESTED_PRICE, LOWER_PRICE, UPPER_PRICE, "
            + "INTERVAL_LEVEL, APPROVED_PRICE, FEATURES_JSON, DEMAND_JSON, MODEL_VERSION, STATUS, CREATED_AT, "
            + "DECIDED_BY, DECIDED_AT, NOTE";

    private final DataSource dataSource;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    public PriceSuggestions(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records a suggestion for review (PENDING). */
    public StoredPriceSuggestion record(PriceSuggestion s) {
        final String features = json.writeValueAsString(factors(s.prediction()));
        final String demand = json.writeValueAsString(demand(s.demand()));
        final Instant now = clock.instant();
        long id = inTransaction("record a price suggestion", c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO SW_PRICE_SUGGESTION (PRODUCT_ID, "
                    + "CURRENT_PRICE, SUGGESTED_PRICE, LOWER_PRICE, UPPER_PRICE, INTERVAL_LEVEL, FEATURES_JSON, "
                    + "DEMAND_JSON, MODEL_VERSION, STATUS, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setString(1, s.product().id());
                insert.setBigDecimal(2, s.currentPrice());
                insert.setBigDecimal(3, s.suggestedPrice());
                insert.setBigDecimal(4, s.prediction().lower());
                insert.setBigDecimal(5, s.prediction().upper());
                insert.setDouble(6, s.prediction().level());
                insert.setString(7, features);
                insert.setString(8, demand);
                insert.setString(9, s.modelVersion());
                insert.setString(10, StoredPriceSuggestion.Status.PENDING.name());
                insert.setTimestamp(11, Timestamp.from(now));
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
        return find(id).get();
    }

    private static List<Map<String, Object>> factors(PricePrediction p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PriceFactor f : p.factors()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("feature", f.feature());
            m.put("label", f.label());
            m.put("effect", f.effect());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> demand(DemandEstimate d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().name());
        m.put("message", d.message());
        m.put("pricePoints", d.pricePoints());
        if (d.status() == DemandEstimate.Status.ESTIMATED) {
            m.put("elasticity", d.elasticity());
            m.put("productWeight", d.productWeight());
            m.put("unitsAtCurrent", d.unitsAtCurrent());
            m.put("unitsAtSuggested", d.unitsAtSuggested());
        }
        return m;
    }

    public Optional<StoredPriceSuggestion> find(long id) {
        List<StoredPriceSuggestion> found = query("find a price suggestion", "WHERE ID = ?", id);
        return found.isEmpty() ? Optional.<StoredPriceSuggestion>empty() : Optional.of(found.get(0));
    }

    /**
     * Suggestions newest first.
     *
     * @param status    only this status, or {@code null} for all
     * @param productId only this product, or {@code null} for all
     * @param limit     at most this many (1..10000)
     */
    public List<StoredPriceSuggestion> list(StoredPriceSuggestion.Status status, String productId, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be between 1 and 10000, was " + limit);
        }
        StringBuilder where = new StringBuilder("WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (status != null) {
            where.append(" AND STATUS = ?");
            args.add(status.name());
        }
        if (productId != null) {
            where.append(" AND PRODUCT_ID = ?");
            args.add(productId);
        }
        List<StoredPriceSuggestion> all = query("list price suggestions", where + " ORDER BY CREATED_AT DESC, ID DESC",
                args.toArray());
        return all.size() > limit ? new ArrayList<>(all.subList(0, limit)) : all;
    }

    /** Approves a pending suggestion at its suggested price. */
    public StoredPriceSuggestion approve(long id, String by) {
        StoredPriceSuggestion s = require(id);
        return decide(id, by, StoredPriceSuggestion.Status.APPROVED, s.suggestedPrice, null);
    }

    /** Approves a pending suggestion at a price the admin edited (above 0). */
    public StoredPriceSuggestion approve(long id, String by, BigDecimal editedPrice) {
        if (editedPrice == null || editedPrice.signum() <= 0) {
            throw new IllegalArgumentException("An approved price must be above 0, was "
                    + (editedPrice == null ? null : editedPrice.toPlainString()));
        }
        require(id);
        return decide(id, by, StoredPriceSuggestion.Status.APPROVED, editedPrice, null);
    }

    /** Rejects a pending suggestion, with an optional note. */
    public StoredPriceSuggestion reject(long id, String by, String note) {
        require(id);
        return decide(id, by, StoredPriceSuggestion.Status.REJECTED, null, note);
    }

    private StoredPriceSuggestion decide(long id, String by, StoredPriceSuggestion.Status to, BigDecimal price,
                                         String note) {
        requireName(by);
        final Instant now = clock.instant();
        int updated = inTransaction("decide on a price suggestion", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE SW_PRICE_SUGGESTION SET STATUS = ?, "
                    + "APPROVED_PRICE = ?, DECIDED_BY = ?, DECIDED_AT = ?, NOTE = ? WHERE ID = ? AND STATUS = ?")) {
                update.setString(1, to.name());
                update.setBigDecimal(2, price);
                update.setString(3, by);
                update.setTimestamp(4, Timestamp.from(now));
                if (note == null) {
                    update.setNull(5, Types.VARCHAR);
                } else {
                    update.setString(5, note.length() > 2000 ? note.substring(0, 2000) : note);
                }
                update.setLong(6, id);
                update.setString(7, StoredPriceSuggestion.Status.PENDING.name());
                return update.executeUpdate();
            }
        });
        StoredPriceSuggestion now2 = require(id);
        if (updated == 0) {
            throw new IllegalStateException("Suggestion #" + id + " is " + now2.status + " (decided by "
                    + now2.decidedBy + "): only a PENDING suggestion can be approved or rejected");
        }
        return now2;
    }

    /**
     * Records that an approved suggestion's price was written to the catalogue: APPROVED -> APPLIED and an audit row,
     * in one transaction. Called by the adapter that changed the price, after the change.
     *
     * @param oldPrice the price before the change, {@code null} if there was none
     */
    public PriceChange markApplied(long id, BigDecimal oldPrice, String by) {
        requireName(by);
        final StoredPriceSuggestion s = require(id);
        if (s.status != StoredPriceSuggestion.Status.APPROVED) {
            throw new IllegalStateException("Suggestion #" + id + " is " + s.status + ": only an APPROVED suggestion "
                    + "can be applied");
        }
        final Instant now = clock.instant();
        long auditId = inTransaction("record an applied price", c -> {
            try (PreparedStatement update = c.prepareStatement("UPDATE SW_PRICE_SUGGESTION SET STATUS = ? "
                    + "WHERE ID = ? AND STATUS = ?")) {
                update.setString(1, StoredPriceSuggestion.Status.APPLIED.name());
                update.setLong(2, id);
                update.setString(3, StoredPriceSuggestion.Status.APPROVED.name());
                if (update.executeUpdate() == 0) {
                    throw new IllegalStateException("Suggestion #" + id + " was applied by someone else meanwhile");
                }
            }
            return insertAudit(c, s.productId, oldPrice, s.approvedPrice, by, now, id);
        });
        return new PriceChange(auditId, s.productId, oldPrice, s.approvedPrice, by, now, id);
    }

    /** Records a price change made without a suggestion (an admin's own edit through Shelfwise). */
    public PriceChange recordChange(String productId, BigDecimal oldPrice, BigDecimal newPrice, String by) {
        requireName(by);
        if (newPrice == null || newPrice.signum() <= 0) {
            throw new IllegalArgumentException("A new price must be above 0");
        }
        final Instant now = clock.instant();
        long auditId = inTransaction("record a price change",
                c -> insertAudit(c, productId, oldPrice, newPrice, by, now, null));
        return new PriceChange(auditId, productId, oldPrice, newPrice, by, now, null);
    }

    /** A product's price changes, newest first ({@code null}: all products). */
    public List<PriceChange> audit(String productId) {
        return inTransaction("read the price audit", c -> {
            String sql = "SELECT ID, PRODUCT_ID, OLD_PRICE, NEW_PRICE, CHANGED_BY, CHANGED_AT, SUGGESTION_ID FROM "
                    + "SW_PRICE_AUDIT" + (productId == null ? "" : " WHERE PRODUCT_ID = ?")
                    + " ORDER BY CHANGED_AT DESC, ID DESC";
            try (PreparedStatement select = c.prepareStatement(sql)) {
                if (productId != null) {
                    select.setString(1, productId);
                }
                List<PriceChange> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        long suggestion = rs.getLong(7);
                        out.add(new PriceChange(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                                rs.wasNull() ? null : suggestion));
                    }
                }
                return out;
            }
        });
    }

    private static long insertAudit(Connection c, String productId, BigDecimal oldPrice, BigDecimal newPrice,
                                    String by, Instant at, Long suggestionId) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO SW_PRICE_AUDIT (PRODUCT_ID, OLD_PRICE, "
                + "NEW_PRICE, CHANGED_BY, CHANGED_AT, SUGGESTION_ID) VALUES (?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, productId);
            insert.setBigDecimal(2, oldPrice);
            insert.setBigDecimal(3, newPrice);
            insert.setString(4, by);
            insert.setTimestamp(5, Timestamp.from(at));
            if (suggestionId == null) {
                insert.setNull(6, Types.BIGINT);
            } else {
                insert.setLong(6, suggestionId);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private StoredPriceSuggestion require(long id) {
        Optional<StoredPriceSuggestion> s = find(id);
        if (!s.isPresent()) {
            throw new IllegalArgumentException("No price suggestion #" + id);
        }
        return s.get();
    }

    private static void requireName(String by) {
        if (by == null || by.trim().isEmpty()) {
            throw new IllegalArgumentException("Say who decides: the admin's user name is required");
        }
    }

    private List<StoredPriceSuggestion> query(String operation, String where, Object... args) {
        return inTransaction(operation, c -> {
            try (PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM SW_PRICE_SUGGESTION "
                    + where)) {
                for (int i = 0; i < args.length; i++) {
                    select.setObject(i + 1, args[i]);
                }
                List<StoredPriceSuggestion> out = new ArrayList<>();
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        Timestamp decided = rs.getTimestamp(15);
                        out.add(new StoredPriceSuggestion(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                                rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getDouble(7),
                                rs.getBigDecimal(8), rs.getString(9), rs.getString(10), rs.getString(11),
                                StoredPriceSuggestion.Status.valueOf(rs.getString(12)),
                                rs.getTimestamp(13).toInstant(), rs.getString(14),
                                decided == null ? null : decided.toInstant(), rs.getString(16)));
                    }
                }
                return out;
            }
        });
    }

    private <T> T inTransaction(String operation, Transaction.Work<T> work) {
        try {
            return Transaction.run(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not " + operation + ": " + e.getMessage(), e);
        }
    }
}
