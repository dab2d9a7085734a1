package io.shelfwise.recommend.experiment;

import io.shelfwise.jdbc.Transaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Computes an experiment's per-arm figures from the event store's {@code WIDGET_IMPRESSION}, {@code WIDGET_CLICK},
 * {@code CART_ADD} and {@code CHECKOUT} events (tagged with placement and arm by the storefront's beacons), over the
 * experiment's window, and decides the verdict. Definitions are in docs/ab-tests.md. Reads the database on every
 * call; thread-safe.
 */
public final class ExperimentMetrics {

    /** Significance level of the verdict (95%). */
    static final double ALPHA = 0.05;

    private final DataSource dataSource;
    private final Clock clock;
    private final long minImpressions;
    private final Duration cartWindow;
    private final Duration conversionWindow;

    /** Defaults: 100 impressions per arm before a verdict, add-to-cart within 24 h, purchase within 7 days. */
    public ExperimentMetrics(DataSource dataSource, Clock clock) {
        this(dataSource, clock, 100, Duration.ofHours(24), Duration.ofDays(7));
    }

    /**
     * @param minImpressions   impressions every arm needs before a winner is named
     * @param cartWindow       how long after a click adding the item to the cart counts
     * @param conversionWindow how long after a click buying the item counts
     */
    public ExperimentMetrics(DataSource dataSource, Clock clock, long minImpressions, Duration cartWindow,
                             Duration conversionWindow) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (minImpressions < 1) {
            throw new IllegalArgumentException("The minimum sample is at least 1 impression, was " + minImpressions);
        }
        if (cartWindow.isNegative() || cartWindow.isZero() || conversionWindow.isNegative()
                || conversionWindow.isZero()) {
            throw new IllegalArgumentException("The cart and conversion windows must be positive");
        }
        this.minImpressions = minImpressions;
        this.cartWindow = cartWindow;
        this.conversionWindow = conversionWindow;
    }

    /** The figures of the experiment so far (or over its run, once stopped), and the verdict. */
    public ExperimentReport report(Experiment experiment) {
        if (experiment.startedAt() == null) {
            List<ArmMetrics> empty = new ArrayList<>();
            for (Arm arm : experiment.arms()) {
                empty.add(new ArmMetrics(arm.name(), 0, 0, 0, 0, 0, 0));
            }
            return new ExperimentReport(experiment, null, null, empty, new ArrayList<>(),
                    Verdict.notYet("the experiment has not started"));
        }
        Instant from = experiment.startedAt();
        Instant to = experiment.stoppedAt() != null ? experiment.stoppedAt() : clock.instant();
        Map<String, Tally> tallies = new HashMap<>();
        for (Arm arm : experiment.arms()) {
            tallies.put(arm.name(), new Tally());
        }
        try {
            Transaction.run(dataSource, connection -> {
                read(connection, experiment.placement(), from, to, tallies);
                return null;
            });
        } catch (SQLException e) {
            throw new ExperimentStoreException("Experiments: cannot read the events of experiment #"
                    + experiment.id() + ": " + e.getMessage(), e);
        }
        List<ArmMetrics> metrics = new ArrayList<>();
        for (Arm arm : experiment.arms()) {
            metrics.add(tallies.get(arm.name()).metrics(arm.name()));
        }
        List<ArmComparison> comparisons = new ArrayList<>();
        double alpha = metrics.size() > 2 ? ALPHA / (metrics.size() - 1) : ALPHA;
        ArmMetrics control = metrics.get(0);
        for (ArmMetrics arm : metrics.subList(1, metrics.size())) {
            double ctrZ = TwoProportionComparison.z(control.ctr(), arm.ctr());
            double conversionZ = TwoProportionComparison.z(control.conversion(), arm.conversion());
            comparisons.add(new ArmComparison(arm.arm(), control.arm(), ctrZ, TwoProportionComparison.pTwoSided(ctrZ),
                    conversionZ, TwoProportionComparison.pTwoSided(conversionZ), alpha));
        }
        return new ExperimentReport(experiment, from, to, metrics, comparisons,
                verdict(metrics, comparisons, minImpressions));
    }

    /** The verdict rules of docs/ab-tests.md. */
    static Verdict verdict(List<ArmMetrics> metrics, List<ArmComparison> comparisons, long minImpressions) {
        for (ArmMetrics arm : metrics) {
            if (arm.impressions() < minImpressions) {
                return Verdict.notYet("arm " + arm.arm() + " has " + arm.impressions() + " of the " + minImpressions
                        + " impressions each arm needs");
            }
        }
        ArmMetrics control = metrics.get(0);
        ArmComparison best = null;
        int worse = 0;
        for (ArmComparison c : comparisons) {
            if (c.ctrSignificant() && c.ctrZ() > 0) {
                if (best == null || rate(metrics, c.arm()) > rate(metrics, best.arm())) {
                    best = c;
                }
            } else if (c.ctrSignificant() && c.ctrZ() < 0) {
                worse++;
            }
        }
        if (best != null) {
            if (best.conversionSignificant() && best.conversionZ() < 0) {
                return Verdict.notYet("arm " + best.arm() + " is clicked more than " + control.arm()
                        + " but converts significantly worse (p = " + p(best.conversionP()) + "); look closer");
            }
            return Verdict.winner(best.arm(), "CTR " + pct(rate(metrics, best.arm())) + " vs " + pct(control.ctr()
                    .rate()) + " for " + control.arm() + ", p = " + p(best.ctrP()) + " < " + p(best.alpha()));
        }
        if (!comparisons.isEmpty() && worse == comparisons.size()) {
            return Verdict.winner(control.arm(), "every other arm's CTR is significantly below "
                    + control.arm() + "'s " + pct(control.ctr().rate()));
        }
        StringBuilder why = new StringBuilder();
        for (ArmComparison c : comparisons) {
            why.append(why.length() == 0 ? "" : "; ").append(c.arm()).append(" vs ").append(control.arm())
                    .append(": CTR ").append(pct(rate(metrics, c.arm()))).append(" vs ")
                    .append(pct(control.ctr().rate())).append(", p = ").append(p(c.ctrP())).append(" (needs < ")
                    .append(p(c.alpha())).append(")");
        }
        return Verdict.notYet(why.toString());
    }

    private static double rate(List<ArmMetrics> metrics, String arm) {
        for (ArmMetrics m : metrics) {
            if (m.arm().equals(arm)) {
                return m.ctr().rate();
            }
        }
        return 0;
    }

    private static String pct(double rate) {
        return String.format(Locale.ROOT, "%.2f%%", rate * 100);
    }

    private static String p(double value) {
        return String.format(Locale.ROOT, value < 0.0001 ? "%.1e" : "%.4f", value);
    }

    private void read(Connection connection, String placement, Instant from, Instant to, Map<String, Tally> tallies)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT AB_ARM, SHOPPER_KEY, COUNT(*) FROM SW_EVENT "
                + "WHERE EVENT_TYPE = 'WIDGET_IMPRESSION' AND PLACEMENT = ? AND OCCURRED_AT >= ? AND OCCURRED_AT < ? "
                + "AND AB_ARM IS NOT NULL GROUP BY AB_ARM, SHOPPER_KEY")) {
            bindWindow(select, placement, from, to);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Tally tally = tallies.get(rs.getString(1));
                    if (tally != null) {
                        tally.exposed.add(rs.getString(2));
                        tally.impressions += rs.getLong(3);
                    }
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT AB_ARM, COUNT(*) FROM SW_EVENT "
                + "WHERE EVENT_TYPE = 'WIDGET_CLICK' AND PLACEMENT = ? AND OCCURRED_AT >= ? AND OCCURRED_AT < ? "
                + "AND AB_ARM IS NOT NULL GROUP BY AB_ARM")) {
            bindWindow(select, placement, from, to);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Tally tally = tallies.get(rs.getString(1));
                    if (tally != null) {
                        tally.clicks += rs.getLong(2);
                    }
                }
            }
        }
        Duration longest = cartWindow.compareTo(conversionWindow) > 0 ? cartWindow : conversionWindow;
        try (PreparedStatement select = connection.prepareStatement("SELECT c.AB_ARM, c.SHOPPER_KEY, c.ITEM_ID, "
                + "c.OCCURRED_AT, e.EVENT_TYPE, e.OCCURRED_AT FROM SW_EVENT c JOIN SW_EVENT e "
                + "ON e.SHOPPER_KEY = c.SHOPPER_KEY AND e.ITEM_ID = c.ITEM_ID "
                + "WHERE c.EVENT_TYPE = 'WIDGET_CLICK' AND c.PLACEMENT = ? AND c.OCCURRED_AT >= ? "
                + "AND c.OCCURRED_AT < ? AND c.AB_ARM IS NOT NULL AND e.EVENT_TYPE IN ('CART_ADD', 'CHECKOUT') "
                + "AND e.OCCURRED_AT >= c.OCCURRED_AT AND e.OCCURRED_AT < ?")) {
            bindWindow(select, placement, from, to);
            select.setTimestamp(4, Timestamp.from(to.plus(longest)));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Tally tally = tallies.get(rs.getString(1));
                    String shopper = rs.getString(2);
                    if (tally == null || !tally.exposed.contains(shopper)) {
                        continue;
                    }
                    Duration after = Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(6).toInstant());
                    if ("CART_ADD".equals(rs.getString(5))) {
                        if (after.compareTo(cartWindow) <= 0) {
                            tally.cartItems.add(shopper + "\n" + rs.getString(3));
                            tally.cartShoppers.add(shopper);
                        }
                    } else if (after.compareTo(conversionWindow) <= 0) {
                        tally.converted.add(shopper);
                    }
                }
            }
        }
    }

    private static void bindWindow(PreparedStatement select, String placement, Instant from, Instant to)
            throws SQLException {
        select.setString(1, placement);
        select.setTimestamp(2, Timestamp.from(from));
        select.setTimestamp(3, Timestamp.from(to));
    }

    private static final class Tally {
        final Set<String> exposed = new HashSet<>();
        long impressions;
        long clicks;
        final Set<String> cartItems = new HashSet<>();
        final Set<String> cartShoppers = new HashSet<>();
        final Set<String> converted = new HashSet<>();

        ArmMetrics metrics(String arm) {
            return new ArmMetrics(arm, exposed.size(), impressions, clicks, cartItems.size(), cartShoppers.size(),
                    converted.size());
        }
    }
}
