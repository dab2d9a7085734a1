package io.shelfwise.price.train;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.store.EventSnapshot;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.PriceTrainingSource;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.SaleLine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The store as a price training source: product listings from the catalogue (the Broadleaf adapter supplies them)
 * and sale lines from the CHECKOUT events of the event store, which carry the unit price paid and the quantity.
 * Lines of products no longer in the catalogue, without a price, or with a price or quantity of 0 are counted as
 * rejected rows, as in a file.
 */
public final class StorePriceSource implements PriceTrainingSource {

    private final Supplier<List<ProductListing>> catalogue;
    private final JdbcEventStore events;
    private final Clock clock;
    private final Duration window;

    /**
     * @param catalogue the store's products, read when {@link #load()} is called
     * @param window    how far back sales are read (e.g. two years)
     */
    public StorePriceSource(Supplier<List<ProductListing>> catalogue, JdbcEventStore events, Clock clock,
                            Duration window) {
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The sales window must be a positive duration, was " + window);
        }
        this.catalogue = catalogue;
        this.events = events;
        this.clock = clock;
        this.window = window;
    }

    @Override
    public PriceHistory load() {
        Map<String, ProductListing> products = new LinkedHashMap<>();
        for (ProductListing p : catalogue.get()) {
            products.put(p.id(), p);
        }
        Instant to = clock.instant().plusSeconds(1);
        EventSnapshot snapshot = events.snapshot(to.minus(window), to);
        List<SaleLine> sales = new ArrayList<>();
        Map<PriceHistory.Rejection, Integer> rejected = new EnumMap<>(PriceHistory.Rejection.class);
        snapshot.forEach(stored -> {
            InteractionEvent e = stored.event();
            if (e.type() != EventType.CHECKOUT) {
                return;
            }
            if (e.itemId() == null || !products.containsKey(e.itemId())) {
                rejected.merge(PriceHistory.Rejection.NO_PRODUCT, 1, Integer::sum);
            } else if (e.quantity() == null || e.quantity() <= 0) {
                rejected.merge(PriceHistory.Rejection.NON_POSITIVE_QUANTITY, 1, Integer::sum);
            } else if (e.unitPrice() == null || e.unitPrice().signum() <= 0) {
                rejected.merge(PriceHistory.Rejection.NON_POSITIVE_PRICE, 1, Integer::sum);
            } else {
                sales.add(new SaleLine(e.itemId(), e.orderId(), e.quantity(), e.unitPrice().doubleValue()));
            }
        });
        return new PriceHistory(products, sales, rejected);
    }

    @Override
    public String describe() {
        return "store events (last " + window.toDays() + " days) and catalogue";
    }
}
