package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.recommend.Placement;
import io.shelfwise.recommend.RecommendationRequest;
import io.shelfwise.recommend.RecommendationResponse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Recommendation lists already computed (Caffeine), keyed by everything a list depends on ({@link Key}): each lives
 * as long as its placement's TTL, and a new event of the shopper or a model switch changes the key, so what was
 * cached for them is never served again. Bound to Micrometer as {@code shelfwise.recommendations}.
 */
final class ResultCache {

    private final Cache<Key, RecommendationResponse> results;

    ResultCache(long maximumSize, Ticker ticker, MeterRegistry registry) {
        this.results = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(new Expiry<Key, RecommendationResponse>() {
                    @Override
                    public long expireAfterCreate(Key key, RecommendationResponse value, long currentTime) {
                        return key.ttlNanos;
                    }

                    @Override
                    public long expireAfterUpdate(Key key, RecommendationResponse value, long currentTime,
                                                  long currentDuration) {
                        return key.ttlNanos;
                    }

                    @Override
                    public long expireAfterRead(Key key, RecommendationResponse value, long currentTime,
                                                long currentDuration) {
                        return currentDuration;
                    }
                })
                .ticker(ticker)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, results, "shelfwise.recommendations");
    }

    /** The list cached under {@code key}, marked as served from the cache, or {@code null}. */
    RecommendationResponse get(Key key) {
        RecommendationResponse hit = results.getIfPresent(key);
        return hit == null ? null : hit.asCached();
    }

    void put(Key key, RecommendationResponse response) {
        results.put(key, response);
    }

    /** Forgets every list of {@code placement} (its settings changed). */
    void invalidate(String placement) {
        results.asMap().keySet().removeIf(k -> k.placement.equals(placement));
    }

    CacheStats stats() {
        return results.stats();
    }

    /** Everything a result depends on. */
    static final class Key {
        final String placement;
        final ShopperKey shopper;
        final String currentItem;
        final List<String> cart;
        final List<String> session;
        final Set<String> shown;
        final String category;
        final BigDecimal minPrice;
        final BigDecimal maxPrice;
        final int count;
        final long shopperGeneration;
        final long modelGeneration;
        final String arm;
        final long ttlNanos;
        private final int hash;

        Key(Placement placement, RecommendationRequest request, ShopperKey shopper, int count,
                 long shopperGeneration, long modelGeneration, String arm) {
            this.placement = placement.name();
            this.shopper = shopper;
            this.currentItem = request.currentItem();
            this.cart = request.cartItems();
            this.session = request.sessionItems();
            this.shown = request.alreadyShown();
            this.category = request.category();
            this.minPrice = request.minPrice();
            this.maxPrice = request.maxPrice();
            this.count = count;
            this.shopperGeneration = shopperGeneration;
            this.modelGeneration = modelGeneration;
            this.arm = arm;
            this.ttlNanos = placement.cacheTtl().toNanos();
            this.hash = Objects.hash(this.placement, shopper, currentItem, cart, session, shown, category, minPrice,
                    maxPrice, count, shopperGeneration, modelGeneration, arm);
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return hash == k.hash && count == k.count && shopperGeneration == k.shopperGeneration
                    && modelGeneration == k.modelGeneration && placement.equals(k.placement)
                    && Objects.equals(shopper, k.shopper) && Objects.equals(currentItem, k.currentItem)
                    && cart.equals(k.cart) && session.equals(k.session) && shown.equals(k.shown)
                    && Objects.equals(category, k.category) && Objects.equals(minPrice, k.minPrice)
                    && Objects.equals(maxPrice, k.maxPrice) && Objects.equals(arm, k.arm);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
