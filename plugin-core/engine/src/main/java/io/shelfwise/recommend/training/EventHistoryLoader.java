package io.shelfwise.recommend.training;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.store.EventSnapshot;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.recommend.data.InteractionData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the histories each strategy learns from out of a consistent snapshot of the event store:
 * <ul>
 * <li>{@code also-viewed}: each shopper's product views;</li>
 * <li>{@code also-bought}: each shopper's purchases;</li>
 * <li>{@code bought-together}: the items of each order (one "history" per order);</li>
 * <li>everything else ({@code default}, {@code pop}, {@code trending}): each shopper's engagement, views, cart
 * adds, purchases and ratings.</li>
 * </ul>
 * Histories are in time order with immediate repeats collapsed (a reload is not a second interest).
 */
public final class EventHistoryLoader implements RecommenderTraining.HistoryLoader {

    private static final Set<EventType> ENGAGEMENT = EnumSet.of(EventType.PRODUCT_VIEW, EventType.CART_ADD,
            EventType.CHECKOUT, EventType.RATED);

    private final JdbcEventStore store;

    public EventHistoryLoader(JdbcEventStore store) {
        this.store = store;
    }

    @Override
    public InteractionData load(String strategy, Instant from, Instant to) {
        final Set<EventType> types;
        final boolean byOrder;
        switch (strategy) {
            case "also-viewed":
                types = EnumSet.of(EventType.PRODUCT_VIEW);
                byOrder = false;
                break;
            case "also-bought":
                types = EnumSet.of(EventType.CHECKOUT);
                byOrder = false;
                break;
            case "bought-together":
                types = EnumSet.of(EventType.CHECKOUT);
                byOrder = true;
                break;
            default:
                types = ENGAGEMENT;
                byOrder = false;
        }
        Map<String, List<InteractionEvent>> groups = new LinkedHashMap<>();
        EventSnapshot snapshot = store.snapshot(from, to);
        snapshot.forEach(stored -> {
            InteractionEvent e = stored.event();
            if (e.itemId() == null || !types.contains(e.type())) {
                return;
            }
            String key = byOrder ? e.orderId() : e.shopper().toString();
            if (key != null) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
            }
        });
        return histories(groups);
    }

    @Override
    public Instant latest() {
        return store.latestEventTime();
    }

    static InteractionData histories(Map<String, List<InteractionEvent>> groups) {
        Map<String, Integer> items = new HashMap<>();
        List<String> itemIds = new ArrayList<>();
        List<String> users = new ArrayList<>(groups.size());
        List<int[]> sequences = new ArrayList<>(groups.size());
        List<long[]> times = new ArrayList<>(groups.size());
        for (Map.Entry<String, List<InteractionEvent>> group : groups.entrySet()) {
            List<InteractionEvent> events = group.getValue();
            // stable: events of one instant keep the order they were recorded in
            Collections.sort(events, (a, b) -> a.occurredAt().compareTo(b.occurredAt()));
            int[] sequence = new int[events.size()];
            long[] time = new long[events.size()];
            int n = 0;
            for (InteractionEvent e : events) {
                Integer index = items.get(e.itemId());
                if (index == null) {
                    index = itemIds.size();
                    items.put(e.itemId(), index);
                    itemIds.add(e.itemId());
                }
                if (n > 0 && sequence[n - 1] == index) {
                    continue;
                }
                sequence[n] = index;
                time[n] = e.occurredAt().getEpochSecond();
                n++;
            }
            users.add(group.getKey());
            sequences.add(java.util.Arrays.copyOf(sequence, n));
            times.add(java.util.Arrays.copyOf(time, n));
        }
        return InteractionData.of(sequences.toArray(new int[0][]), times.toArray(new long[0][]), users, itemIds);
    }
}
