package io.shelfwise.demo;

import io.shelfwise.demo.seed.StoreSeeder;
import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shopper history capture end to end: real shoppers' requests to the demo store (storefront and admin in an
 * embedded Tomcat, HSQLDB) come back out of the plugin's event store with the right types, ids, quantities and
 * prices; signing in moves a visitor's history to the customer; erasing a customer removes every row.
 */
class CaptureHttpIT {

    private static final String LANTERN = "/candles-lighting/white-metal-lantern-71053";
    private static final String HEART = "/candles-lighting/white-hanging-heart-t-light-holder-85123a";

    private static RunningStore store;
    private static JdbcEventStore events;

    @BeforeAll
    static void startStore() throws Exception {
        store = RunningStore.start("capture", BroadleafTestStore.fixture());
        events = new JdbcEventStore(store.database, Clock.systemUTC());
    }

    @AfterAll
    static void stopStore() throws Exception {
        RunningStore.stop(store);
    }

    private static ShopperSession shopper() {
        return store.session();
    }

    @Test
    void seededOrdersAreImportedAsHistory() {
        assertThat(events.recordedOrderIds()).contains("536365", "536366");
    }

    @Test
    void browsingCartAndCheckoutComeBackAsEvents() throws Exception {
        try (ShopperSession s = shopper()) {
            String lanternId = s.get(LANTERN).find("name=\"productId\" value=\"(\\d+)\"");
            String visitor = s.cookie("sw_vid");
            assertThat(visitor).isNotNull();
            ShopperKey key = ShopperKey.visitor(visitor);
            s.get("/candles-lighting");
            s.get("/search?q=lantern");
            s.post("/cart/add", "productId", lanternId, "quantity", "2");
            String heartId = s.get(HEART).find("name=\"productId\" value=\"(\\d+)\"");
            s.post("/cart/add", "productId", heartId, "quantity", "1");
            String heartLine = s.get("/cart").find("name=\"orderItemId\" value=\"(\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"productId\" value=\"" + heartId + "\"");
            s.post("/cart/remove", "orderItemId", heartLine, "productId", heartId);
            String lanternLine = s.get("/cart").find("name=\"orderItemId\" value=\"(\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"productId\" value=\"" + lanternId + "\"");
            s.post("/cart/updateQuantity", "orderItemId", lanternLine, "productId", lanternId, "quantity", "3");
            s.get("/checkout");
            ShopperSession.Page placed = s.post("/checkout", "firstName", "Ada", "lastName", "Lovelace",
                    "emailAddress", "ada@example.com", "addressLine1", "1 Main St", "city", "London",
                    "postalCode", "SW1", "countryCode", "GB", "fulfillmentOptionId", "-1");
            String orderNumber = placed.location.substring(placed.location.lastIndexOf('/') + 1);

            List<InteractionEvent> mine = awaitEvents(key, list -> list.stream().anyMatch(e -> e.type() == EventType.CHECKOUT));
            assertThat(mine).extracting(InteractionEvent::type).containsSubsequence(
                    EventType.PRODUCT_VIEW, EventType.CATEGORY_VIEW, EventType.SEARCH, EventType.CART_ADD,
                    EventType.PRODUCT_VIEW, EventType.CART_ADD, EventType.CART_REMOVE, EventType.CART_UPDATE,
                    EventType.CHECKOUT);
            InteractionEvent firstAdd = mine.stream().filter(e -> e.type() == EventType.CART_ADD).findFirst().get();
            assertThat(firstAdd.itemId()).isEqualTo(lanternId);
            assertThat(firstAdd.quantity()).isEqualTo(2);
            assertThat(firstAdd.unitPrice()).isEqualByComparingTo("3.39");
            InteractionEvent search = mine.stream().filter(e -> e.type() == EventType.SEARCH).findFirst().get();
            assertThat(search.query()).isEqualTo("lantern");
            assertThat(search.resultCount()).isPositive();
            assertThat(mine.stream().filter(e -> e.type() == EventType.CART_REMOVE).findFirst().get().itemId())
                    .isEqualTo(heartId);
            assertThat(mine.stream().filter(e -> e.type() == EventType.CART_UPDATE).findFirst().get().quantity())
                    .isEqualTo(3);
            InteractionEvent bought = mine.stream().filter(e -> e.type() == EventType.CHECKOUT).findFirst().get();
            assertThat(bought.itemId()).isEqualTo(lanternId);
            assertThat(bought.quantity()).isEqualTo(3);
            assertThat(bought.unitPrice()).isEqualByComparingTo("3.39");
            assertThat(bought.orderId()).isEqualTo(orderNumber);
            assertThat(bought.orderTotal()).isEqualByComparingTo(new BigDecimal("3.39").multiply(BigDecimal.valueOf(3))
                    .add(new BigDecimal("3.95")));
            assertThat(mine).allMatch(e -> e.sessionId() != null && e.sessionId().matches("[0-9a-f]{32}"));
        }
    }

    @Test
    void signingInMovesTheVisitorsHistoryToTheCustomerAndEraseRemovesIt() throws Exception {
        try (ShopperSession s = shopper()) {
            s.get(LANTERN);
            ShopperKey visitor = ShopperKey.visitor(s.cookie("sw_vid"));
            awaitEvents(visitor, list -> !list.isEmpty());
            s.get("/login");
            s.post("/login_post", "username", StoreSeeder.customerEmail("12583"), "password", StoreSeeder.CUSTOMER_PASSWORD);
            s.get(HEART);

            ShopperKey customer = awaitLogin(visitor);
            List<InteractionEvent> history = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < deadline) {
                history.clear();
                events.export(customer, history::add);
                if (history.stream().filter(e -> e.type() == EventType.PRODUCT_VIEW).count() >= 2) {
                    break;
                }
                Thread.sleep(100);
            }
            assertThat(history).filteredOn(e -> e.type() == EventType.PRODUCT_VIEW).hasSize(2)
                    .allMatch(e -> e.shopper().equals(customer));
            assertThat(history).anyMatch(e -> e.type() == EventType.CHECKOUT); // the seeded orders of 12583

            assertThat(events.erase(customer)).isGreaterThan(2);
            List<InteractionEvent> left = new ArrayList<>();
            events.export(customer, left::add);
            assertThat(left).isEmpty();
        }
    }

    @Test
    void optingOutStopsRecordingAndPrivacySignalsAreHonoured() throws Exception {
        try (ShopperSession s = shopper()) {
            s.get(LANTERN);
            ShopperKey visitor = ShopperKey.visitor(s.cookie("sw_vid"));
            awaitEvents(visitor, list -> list.size() == 1);
            assertThat(s.get("/privacy").body).contains("Recording is on");
            s.post("/privacy", "record", "no");
            assertThat(s.get("/privacy").body).contains("Recording is off");
            s.get(HEART);
            s.get("/search?q=heart");
            Thread.sleep(1000);
            assertThat(awaitEvents(visitor, list -> true)).hasSize(1);
            s.post("/privacy", "record", "yes");
            s.get(HEART);
            assertThat(awaitEvents(visitor, list -> list.size() == 2)).hasSize(2);
        }
        try (ShopperSession privateBrowser = shopper()) {
            long before = all().size();
            privateBrowser.get(LANTERN, "Sec-GPC", "1");
            assertThat(privateBrowser.cookie("sw_vid")).isNull();
            Thread.sleep(1000);
            assertThat(all()).hasSize((int) before);
        }
    }

    private static ShopperKey awaitLogin(ShopperKey visitor) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            List<InteractionEvent> all = all();
            for (InteractionEvent e : all) {
                if (e.type() == EventType.LOGIN && e.shopper().equals(visitor)) {
                    return e.linkedCustomer();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("No LOGIN event for " + visitor);
    }

    private static List<InteractionEvent> awaitEvents(ShopperKey shopper, Predicate<List<InteractionEvent>> done)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        List<InteractionEvent> mine = new ArrayList<>();
        while (System.currentTimeMillis() < deadline) {
            mine.clear();
            for (InteractionEvent e : all()) {
                if (e.shopper().equals(shopper)) {
                    mine.add(e);
                }
            }
            if (done.test(mine)) {
                return mine;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("Events of " + shopper + " never complete: " + mine);
    }

    private static List<InteractionEvent> all() {
        List<InteractionEvent> all = new ArrayList<>();
        events.snapshot(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(3600)).forEach(e -> all.add(e.event()));
        return all;
    }
}
