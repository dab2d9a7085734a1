package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What serving knows of each shopper: their stored history (read from the event store, cached) and this visit's
 * activity (kept in memory as events are captured, so a click counts within the same request, before the event
 * store has it). Every event of a shopper bumps their generation, which invalidates their cached results.
 * Thread-safe.
 */
public final class ShopperActivity {

    /** Reads a shopper's latest item events, newest first (the event store's {@code recentItemEvents}). */
    public interface HistorySource {
        List<InteractionEvent> recentItemEvents(ShopperKey shopper, int limit);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ShopperActivity.class);
    private static final int SESSION_LIMIT = 50;

    private final HistorySource source;
    private final int historyLimit;
    private final AsyncCache<ShopperKey, StoredHistory> stored;
    private final Cache<ShopperKey, Visit> visits;
    private final Executor historyReads;
    private final long historyWaitNanos;

    /**
     * @param historyLimit stored events read per shopper
     * @param historyTtl   how long a stored history is reused before it is read again
     * @param sessionIdle  a visit ends after this long without activity
     * @param maxShoppers  shoppers kept in memory (least recently active are dropped first)
     */
    public ShopperActivity(HistorySource source, int historyLimit, Duration historyTtl, Duration sessionIdle,
                           long maxShoppers, Ticker ticker) {
        this(source, historyLimit, historyTtl, sessionIdle, maxShoppers, ticker, Runnable::run, Duration.ofMinutes(1));
    }

    /**
     * As the other constructor, reading stored histories on {@code historyReads} and waiting at most
     * {@code historyWait} for one. A request that gets no history in time is served from this visit alone, and its
     * result is not cached; the read goes on and serves the shopper's next request. Give it threads of its own:
     * a request thread that holds a connection of a pool it shares with the event store must never wait on the
     * same pool for a second one (under load every connection is held by such a thread, and nothing moves).
     */
    public ShopperActivity(HistorySource source, int historyLimit, Duration historyTtl, Duration sessionIdle,
                           long maxShoppers, Ticker ticker, Executor historyReads, Duration historyWait) {
        this.source = source;
        this.historyLimit = historyLimit;
        this.historyReads = historyReads;
        this.historyWaitNanos = historyWait.toNanos();
        this.stored = Caffeine.newBuilder().maximumSize(maxShoppers).expireAfterWrite(historyTtl).ticker(ticker)
                .executor(historyReads).recordStats().buildAsync();
        this.visits = Caffeine.newBuilder().maximumSize(maxShoppers).expireAfterAccess(sessionIdle).ticker(ticker)
                .build();
    }

    /** Takes a captured event into account at once; cheap and never throws. */
    public void onEvent(InteractionEvent event) {
        ShopperKey shopper = event.shopper();
        if (shopper == null) {
            return;
        }
        if (event.type() == EventType.LOGIN && event.linkedCustomer() != null) {
            Visit visitor = visits.getIfPresent(shopper);
            Visit customer = visits.get(event.linkedCustomer(), k -> new Visit());
            if (visitor != null) {
                customer.absorb(visitor);
            }
            stored.synchronous().invalidate(event.linkedCustomer());
            customer.touch();
            return;
        }
        if (event.type() == EventType.WIDGET_IMPRESSION || event.type() == EventType.WIDGET_CLICK) {
            // seeing or clicking a widget changes nothing recommendations read (the product view that follows does)
            return;
        }
        Visit visit = visits.get(shopper, k -> new Visit());
        boolean changed = false;
        if (event.itemId() != null) {
            switch (event.type()) {
                case PRODUCT_VIEW:
                case CART_ADD:
                case RATED:
                    changed = visit.add(event.itemId(), false);
                    break;
                case CHECKOUT:
                    changed = visit.add(event.itemId(), true);
                    break;
                default:
                    break;
            }
        }
        // what recommendations read of a visit is its items and purchases: a reload of the page just seen, a
        // search or a category view leaves the shopper's cached lists valid
        if (changed) {
            visit.touch();
        }
    }

    /** A shopper's state now; empty for {@code null}. Reads the event store at most once per TTL. */
    ShopperState state(ShopperKey shopper) {
        return state(shopper, false);
    }

    /** As {@link #state(ShopperKey)}; {@code firstVisit}: nothing is stored of the shopper, so nothing is read. */
    ShopperState state(ShopperKey shopper, boolean firstVisit) {
        if (shopper == null) {
            return ShopperState.EMPTY;
        }
        if (firstVisit) {
            stored.asMap().putIfAbsent(shopper, CompletableFuture.completedFuture(StoredHistory.EMPTY));
        }
        CompletableFuture<StoredHistory> pending = stored.get(shopper, (key, executor) ->
                CompletableFuture.supplyAsync(() -> StoredHistory.of(source.recentItemEvents(key, historyLimit)),
                        historyReads));
        StoredHistory history;
        boolean complete = false;
        try {
            history = pending.get(historyWaitNanos, TimeUnit.NANOSECONDS);
            complete = true;
        } catch (TimeoutException e) {
            LOG.debug("Shelfwise: the history of {} is still being read; serving from this visit", shopper);
            history = StoredHistory.EMPTY;
        } catch (ExecutionException e) {
            // a failed read is not cached: the next request tries again
            LOG.warn("Shelfwise: cannot read the history of " + shopper + ", serving from this visit only: "
                    + (e.getCause() == null ? e : e.getCause().getMessage()));
            history = StoredHistory.EMPTY;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            history = StoredHistory.EMPTY;
        }
        Visit visit = visits.getIfPresent(shopper);
        return visit == null
                ? new ShopperState(history, Collections.<String>emptyList(), Collections.<String>emptySet(), 0,
                complete)
                : visit.state(history, complete);
    }

    /** Hit rate and size of the stored-history cache. */
    public com.github.benmanes.caffeine.cache.stats.CacheStats historyCacheStats() {
        return stored.synchronous().stats();
    }

    /** The stored part of a history, oldest first. */
    static final class StoredHistory {
        static final StoredHistory EMPTY = new StoredHistory(Collections.<String>emptyList(),
                Collections.<String>emptySet());
        final List<String> items;
        final Set<String> purchased;

        private StoredHistory(List<String> items, Set<String> purchased) {
            this.items = items;
            this.purchased = purchased;
        }

        static StoredHistory of(List<InteractionEvent> newestFirst) {
            List<String> items = new ArrayList<>(newestFirst.size());
            Set<String> purchased = new HashSet<>();
            for (int i = newestFirst.size() - 1; i >= 0; i--) {
                InteractionEvent e = newestFirst.get(i);
                if (items.isEmpty() || !items.get(items.size() - 1).equals(e.itemId())) {
                    items.add(e.itemId());
                }
                if (e.type() == EventType.CHECKOUT) {
                    purchased.add(e.itemId());
                }
            }
            return new StoredHistory(Collections.unmodifiableList(items), Collections.unmodifiableSet(purchased));
        }
    }

    /** This visit's activity; guarded by its own lock (one shopper's requests rarely overlap). */
    private static final class Visit {
        private final List<String> items = new ArrayList<>();
        private final Set<String> purchased = new HashSet<>();
        private final AtomicLong generation = new AtomicLong();

        /** Whether the visit changed. */
        synchronized boolean add(String item, boolean bought) {
            boolean changed = false;
            if (items.isEmpty() || !items.get(items.size() - 1).equals(item)) {
                items.add(item);
                if (items.size() > SESSION_LIMIT) {
                    items.remove(0);
                }
                changed = true;
            }
            return (bought && purchased.add(item)) || changed;
        }

        synchronized void absorb(Visit other) {
            for (String item : other.snapshotItems()) {
                add(item, false);
            }
            purchased.addAll(other.snapshotPurchased());
        }

        void touch() {
            generation.incrementAndGet();
        }

        synchronized List<String> snapshotItems() {
            return new ArrayList<>(items);
        }

        synchronized Set<String> snapshotPurchased() {
            return new HashSet<>(purchased);
        }

        synchronized ShopperState state(StoredHistory history, boolean complete) {
            return new ShopperState(history, new ArrayList<>(items), new HashSet<>(purchased), generation.get(),
                    complete);
        }
    }

    /** A consistent view of one shopper for one request. */
    static final class ShopperState {
        static final ShopperState EMPTY = new ShopperState(StoredHistory.EMPTY, Collections.<String>emptyList(),
                Collections.<String>emptySet(), 0, true);
        final StoredHistory stored;
        final List<String> visitItems;
        final Set<String> visitPurchased;
        final long generation;
        /** False when the stored history could not be had in time: the result must not be cached. */
        final boolean complete;

        ShopperState(StoredHistory stored, List<String> visitItems, Set<String> visitPurchased, long generation,
                     boolean complete) {
            this.stored = stored;
            this.visitItems = visitItems;
            this.visitPurchased = visitPurchased;
            this.generation = generation;
            this.complete = complete;
        }

        boolean purchased(String item) {
            return stored.purchased.contains(item) || visitPurchased.contains(item);
        }

        /** Nothing known of the shopper: what they are shown depends on the request alone. */
        boolean blank() {
            return stored.items.isEmpty() && stored.purchased.isEmpty() && visitItems.isEmpty()
                    && visitPurchased.isEmpty();
        }
    }
}
