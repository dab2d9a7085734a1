package io.shelfwise.recommend.experiment;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Writes synthetic storefront traffic for a running (or stopped) experiment through the event store, so that its
 * per-arm figures can be shown and tested without real shoppers: each synthetic visitor is put in their arm the way
 * serving would put them ({@link ArmAssignment}), sees the placement's widget a few times (one impression per item
 * shown), clicks each item shown with the arm's true CTR, adds a clicked item to the cart with
 * {@code cartRate} within minutes, and buys it with {@code checkoutRate}. Events are dated inside the experiment's
 * window, before the clock's now. Not thread-safe (one simulation at a time per instance); deterministic for a
 * given {@link Random}.
 */
public final class ExperimentTrafficSimulator {

    private static final int BATCH = 2000;

    private final JdbcEventStore store;
    private final Random random;
    private int itemsPerView = 4;
    private int maxViews = 3;
    private double cartRate = 0.3;
    private double checkoutRate = 0.5;
    private List<String> items = defaultItems();

    public ExperimentTrafficSimulator(JdbcEventStore store, Random random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Items shown per widget view (default 4). */
    public ExperimentTrafficSimulator itemsPerView(int value) {
        if (value < 1 || value > 50) {
            throw new IllegalArgumentException("Items per view are 1..50, was " + value);
        }
        this.itemsPerView = value;
        return this;
    }

    /** Each visitor sees the widget 1..value times (default 3). */
    public ExperimentTrafficSimulator maxViews(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("A visitor sees the widget at least once, was " + value);
        }
        this.maxViews = value;
        return this;
    }

    /** Chance a click leads to adding the item to the cart (default 0.3), and a cart add to buying it (0.5). */
    public ExperimentTrafficSimulator funnel(double cart, double checkout) {
        this.cartRate = probability(cart, "cart rate");
        this.checkoutRate = probability(checkout, "checkout rate");
        return this;
    }

    /** The product ids shown (default 1001..1040). */
    public ExperimentTrafficSimulator items(List<String> ids) {
        if (ids.size() < itemsPerView) {
            throw new IllegalArgumentException("Give at least " + itemsPerView + " item ids, had " + ids.size());
        }
        this.items = new ArrayList<>(ids);
        return this;
    }

    /**
     * Simulates {@code shoppers} visitors between the experiment's start and {@code until}.
     *
     * @param trueCtr per arm name, the chance an item shown is clicked; every arm needs one
     * @param until   the latest time an event may carry (normally now; at most the experiment's stop)
     * @return events written per type
     * @throws IllegalArgumentException if the experiment never started, an arm has no CTR or a rate is not in [0, 1]
     */
    public Map<EventType, Integer> simulate(Experiment experiment, int shoppers, Map<String, Double> trueCtr,
                                            Instant until) {
        if (experiment.startedAt() == null) {
            throw new IllegalArgumentException("Experiment #" + experiment.id() + " has not started: start it first");
        }
        for (Arm arm : experiment.arms()) {
            if (!trueCtr.containsKey(arm.name())) {
                throw new IllegalArgumentException("Give a true CTR for arm " + arm.name() + " (have " + trueCtr.keySet()
                        + ")");
            }
            probability(trueCtr.get(arm.name()), "CTR of arm " + arm.name());
        }
        if (shoppers < 1) {
            throw new IllegalArgumentException("Simulate at least one shopper, was " + shoppers);
        }
        Instant from = experiment.startedAt();
        Instant end = experiment.stoppedAt() != null && experiment.stoppedAt().isBefore(until)
                ? experiment.stoppedAt() : until;
        // a visit (views a minute apart, a click 5 s after a view, the basket 2 min and the order 10 min after the
        // click) is squeezed into half the window when the window is short, so every event lies in the past
        long window = Duration.between(from, end).toMillis();
        long visit = 60_000L * (maxViews - 1) + 605_000L;
        double pace = Math.min(1.0, window / 2.0 / visit);
        long span = Math.max(1, window - (long) (visit * pace));
        if (!end.isAfter(from.plusSeconds(1))) {
            throw new IllegalArgumentException("Experiment #" + experiment.id() + "'s window up to " + until
                    + " is empty; simulate later");
        }
        String run = Long.toHexString(random.nextLong() & 0xffffffffL);
        Map<EventType, Integer> written = new HashMap<>();
        List<InteractionEvent> batch = new ArrayList<>();
        for (int s = 0; s < shoppers; s++) {
            ShopperKey shopper = ShopperKey.visitor("sim-" + experiment.id() + "-" + run + "-" + s);
            Arm arm = ArmAssignment.arm(experiment, shopper);
            double ctr = trueCtr.get(arm.name());
            Instant at = from.plusMillis((long) (random.nextDouble() * span));
            int views = 1 + random.nextInt(maxViews);
            for (int v = 0; v < views; v++) {
                Instant seen = at.plusMillis((long) (60_000L * v * pace));
                String version = arm.versionLabel() != null ? arm.versionLabel() : "simulated@1";
                List<String> shown = pick();
                for (String item : shown) {
                    add(batch, written, InteractionEvent.builder(EventType.WIDGET_IMPRESSION, shopper, seen)
                            .placement(experiment.placement()).item(item).model(version, arm.name()).build());
                }
                for (String item : shown) {
                    if (random.nextDouble() >= ctr) {
                        continue;
                    }
                    Instant clicked = seen.plusMillis((long) (5_000L * pace));
                    add(batch, written, InteractionEvent.builder(EventType.WIDGET_CLICK, shopper, clicked)
                            .placement(experiment.placement()).item(item).model(version, arm.name()).build());
                    if (random.nextDouble() < cartRate) {
                        add(batch, written, InteractionEvent.builder(EventType.CART_ADD, shopper,
                                clicked.plusMillis((long) (120_000L * pace))).item(item).quantity(1)
                                .unitPrice(new BigDecimal("9.99"))
                                .build());
                        if (random.nextDouble() < checkoutRate) {
                            add(batch, written, InteractionEvent.builder(EventType.CHECKOUT, shopper,
                                    clicked.plusMillis((long) (600_000L * pace))).item(item).quantity(1)
                                    .unitPrice(new BigDecimal("9.99"))
                                    .order("sim" + run + "-" + s + "-" + v, new BigDecimal("9.99")).build());
                        }
                    }
                }
            }
            if (batch.size() >= BATCH) {
                store.append(batch);
                batch.clear();
            }
        }
        store.append(batch);
        return written;
    }

    private List<String> pick() {
        List<String> shown = new ArrayList<>(itemsPerView);
        while (shown.size() < itemsPerView) {
            String item = items.get(random.nextInt(items.size()));
            if (!shown.contains(item)) {
                shown.add(item);
            }
        }
        return shown;
    }

    private static void add(List<InteractionEvent> batch, Map<EventType, Integer> written, InteractionEvent event) {
        batch.add(event);
        written.merge(event.type(), 1, Integer::sum);
    }

    private static double probability(double value, String what) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("The " + what + " is a probability in [0, 1], was " + value);
        }
        return value;
    }

    private static List<String> defaultItems() {
        List<String> ids = new ArrayList<>();
        for (int i = 1001; i <= 1040; i++) {
            ids.add(String.valueOf(i));
        }
        return ids;
    }
}
