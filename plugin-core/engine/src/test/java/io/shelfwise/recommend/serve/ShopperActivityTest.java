package io.shelfwise.recommend.serve;

import com.github.benmanes.caffeine.cache.Ticker;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ShopperActivityTest {

    private static final ShopperKey ANNA = ShopperKey.customer(7);

    /**
     * Regression: under load every connection of a pool shared with the store was held by a request thread waiting
     * for a second one to read a history, and the store stopped answering. Reads now run on their own threads and
     * a request waits a bounded time.
     */
    @Test
    void aSlowHistoryReadNeverHoldsUpARequestAndServesTheNextOne() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService reads = Executors.newSingleThreadExecutor();
        try {
            ShopperActivity activity = new ShopperActivity((shopper, limit) -> {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Collections.singletonList(InteractionEvent.builder(EventType.PRODUCT_VIEW, shopper,
                        Instant.parse("2026-11-01T10:00:00Z")).item("lamp").build());
            }, 100, Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker(), reads,
                    Duration.ofMillis(50));

            long start = System.nanoTime();
            ShopperActivity.ShopperState first = activity.state(ANNA);
            assertThat(first.complete).isFalse();
            assertThat(first.stored.items).isEmpty();
            assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(5));

            release.countDown();
            ShopperActivity.ShopperState later = null;
            for (int i = 0; i < 100 && (later == null || !later.complete); i++) {
                Thread.sleep(20);
                later = activity.state(ANNA);
            }
            assertThat(later.complete).isTrue();
            assertThat(later.stored.items).containsExactly("lamp");
        } finally {
            reads.shutdownNow();
        }
    }

    @Test
    void aFailedReadIsRetriedByTheNextRequest() {
        int[] calls = {0};
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> {
            if (calls[0]++ == 0) {
                throw new IllegalStateException("database is down");
            }
            return Collections.emptyList();
        }, 100, Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        assertThat(activity.state(ANNA).complete).isFalse();
        assertThat(activity.state(ANNA).complete).isTrue();
        assertThat(calls[0]).isEqualTo(2);
    }

    @Test
    void aFirstVisitReadsNothing() {
        int[] calls = {0};
        ShopperActivity activity = new ShopperActivity((shopper, limit) -> {
            calls[0]++;
            return Collections.emptyList();
        }, 100, Duration.ofMinutes(10), Duration.ofMinutes(30), 1000, Ticker.systemTicker());
        ShopperKey visitor = ShopperKey.visitor("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertThat(activity.state(visitor, true).complete).isTrue();
        assertThat(activity.state(visitor).complete).isTrue();
        assertThat(calls[0]).isZero();
    }
}
