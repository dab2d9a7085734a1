package io.shelfwise.demo;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The storefront widgets over real HTTP, on the demo store seeded from the whole retail file with its models
 * trained as a new store trains them: every placement's page shows its widget, the JSON endpoint answers and
 * refuses bad input with 4xx, beacons land in the event store tagged with placement and model version, and one
 * shopper's history never reaches another's recommendations.
 */
class WidgetsHttpIT {

    private static final String HEART = "/candles-lighting/white-hanging-heart-t-light-holder-85123a";
    private static final Pattern WIDGET = Pattern.compile("data-shelfwise-widget=\"([a-z-]+)\"");

    private static RunningStore store;
    private static JdbcEventStore events;

    @BeforeAll
    static void startStore() throws Exception {
        store = RunningStore.start("widgets", RunningStore.retailFile());
        events = new JdbcEventStore(store.database, Clock.systemUTC());
        // a new store trains its models in the background once the imported history has settled
        try (ShopperSession s = shopper()) {
            String heart = productId(s, HEART);
            for (int i = 0; i < 240; i++) {
                ShopperSession.Page page = s.get("/shelfwise/api/recommendations?placement=pdp-also-bought"
                        + "&product=" + heart);
                if (page.status == 200 && page.body.contains("\"strategy\":\"also-bought\"")) {
                    return;
                }
                Thread.sleep(1000);
            }
        }
        throw new AssertionError("the store's models were not trained within 4 minutes");
    }

    @AfterAll
    static void stopStore() throws Exception {
        RunningStore.stop(store);
    }

    private static ShopperSession shopper() {
        return store.session();
    }

    private static String productId(ShopperSession s, String path) throws Exception {
        return s.get(path).find("name=\"productId\" value=\"(\\d+)\"");
    }

    private static List<String> widgets(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = WIDGET.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void everyPlacementsPageShowsItsWidget() throws Exception {
        try (ShopperSession s = shopper()) {
            assertThat(widgets(s.get("/").body)).contains("home-for-you", "home-trending");
            ShopperSession.Page product = s.get(HEART);
            assertThat(widgets(product.body)).contains("pdp-also-bought", "pdp-bought-together");
            // similar items come lazily: a placeholder the script fills from the JSON endpoint
            assertThat(product.body).contains("data-shelfwise-lazy=\"pdp-similar\"");
            assertThat(product.body).contains("/shelfwise/static/shelfwise.js");
            s.post("/cart/add", "productId", productId(s, HEART), "quantity", "1");
            assertThat(widgets(s.get("/cart").body)).contains("cart-complete");
            assertThat(widgets(s.get("/search?q=qqqzzzxx").body)).contains("search-empty");
            ShopperSession.Page category = s.get("/candles-lighting");
            assertThat(widgets(category.body)).contains("home-trending");
            assertThat(category.body).contains("Trending in Candles &amp; Lighting");
            // no item twice on one page
            List<String> ids = new ArrayList<>();
            Matcher m = Pattern.compile("class=\"shelfwise-name\" data-shelfwise-item=\"(\\d+)\"").matcher(s.get("/").body);
            while (m.find()) {
                ids.add(m.group(1));
            }
            assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(8);
            assertThat(s.get("/shelfwise/static/shelfwise.js").status).isEqualTo(200);
            assertThat(s.get("/shelfwise/static/../shelfwise.js").status).isEqualTo(404);
        }
    }

    @Test
    void theJsonEndpointAnswersAndRefusesBadInputWithFourHundreds() throws Exception {
        try (ShopperSession s = shopper()) {
            String heart = productId(s, HEART);
            ShopperSession.Page ok = s.get("/shelfwise/api/recommendations?placement=pdp-also-bought&limit=5&product="
                    + heart);
            assertThat(ok.status).isEqualTo(200);
            assertThat(ok.body).contains("\"placement\":\"pdp-also-bought\"", "\"modelVersion\":\"also-bought@",
                    "\"priceText\":\"£", "\"reason\":\"Customers who bought White Hanging Heart");
            assertThat(ok.body).doesNotContain("\"id\":\"" + heart + "\"");
            assertThat(s.get("/shelfwise/api/recommendations?placement=no-such-placement").status).isEqualTo(404);
            assertThat(s.get("/shelfwise/api/recommendations?placement=no-such-placement").body)
                    .contains("home-trending");
            for (String bad : new String[] {"", "?placement=", "?placement=home-trending&limit=0",
                    "?placement=home-trending&limit=100000", "?placement=home-trending&limit=ten",
                    "?placement=home-trending&product=12%3Cscript%3E", "?placement=HOME%20trending",
                    "?placement=home-trending&exclude=" + String.join(",", java.util.Collections.nCopies(101, "7"))}) {
                ShopperSession.Page page = s.get("/shelfwise/api/recommendations" + bad);
                assertThat(page.status).as(bad).isEqualTo(400);
                assertThat(page.body).as(bad).startsWith("{\"status\":400,\"error\":");
            }
            // no cookie at all (a first request, a headless client) is an anonymous shopper, not an error
            try (ShopperSession fresh = shopper()) {
                assertThat(fresh.get("/shelfwise/api/recommendations?placement=home-for-you").status).isEqualTo(200);
                assertThat(fresh.get("/shelfwise/static/shelfwise.js").status).isEqualTo(200);
                // ... and opens no session: a crawler or headless client must not fill the heap with sessions
                assertThat(fresh.cookie("JSESSIONID")).isNull();
                assertThat(fresh.cookie("sw_vid")).isNotNull();
                // a page does open one, and the endpoint then serves that session's shopper
                assertThat(fresh.get("/").status).isEqualTo(200);
                assertThat(fresh.cookie("JSESSIONID")).isNotNull();
                assertThat(fresh.get("/shelfwise/api/recommendations?placement=home-for-you").status).isEqualTo(200);
            }
        }
    }

    @Test
    void impressionAndClickBeaconsLandInTheEventStore() throws Exception {
        try (ShopperSession s = shopper()) {
            String html = s.get(HEART).body;
            String visitor = s.cookie("sw_vid");
            String items = find(html, "data-shelfwise-widget=\"pdp-also-bought\"[^>]*", "data-shelfwise-items=\"([^\"]+)\"");
            String versions = find(html, "data-shelfwise-widget=\"pdp-also-bought\"[^>]*",
                    "data-shelfwise-versions=\"([^\"]+)\"");
            String first = items.split(",")[0];
            assertThat(s.post("/shelfwise/api/events", "type", "impression", "placement", "pdp-also-bought",
                    "items", items, "versions", versions).status).isEqualTo(204);
            assertThat(s.post("/shelfwise/api/events", "type", "click", "placement", "pdp-also-bought",
                    "item", first, "version", versions.split(",")[0], "position", "1").status).isEqualTo(204);
            // malformed beacons are refused and say why; a beacon without the page's token is refused as any POST
            assertThat(s.post("/shelfwise/api/events", "type", "hover", "placement", "pdp-also-bought").status)
                    .isEqualTo(400);
            assertThat(s.post("/shelfwise/api/events", "type", "impression", "placement", "pdp-also-bought",
                    "items", items, "versions", "x").status).isEqualTo(400);
            assertThat(s.postRaw("/shelfwise/api/events", "type", "click", "placement", "pdp-also-bought", "item",
                    first, "version", "default@1").status).isEqualTo(403);

            List<InteractionEvent> recorded = new ArrayList<>();
            for (int i = 0; i < 50 && recorded.size() < items.split(",").length + 1; i++) {
                Thread.sleep(200);
                recorded.clear();
                events.snapshot(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(60)).forEach(stored -> {
                    InteractionEvent e = stored.event();
                    if (e.shopper().equals(ShopperKey.visitor(visitor)) && (e.type() == EventType.WIDGET_IMPRESSION
                            || e.type() == EventType.WIDGET_CLICK)) {
                        recorded.add(e);
                    }
                });
            }
            assertThat(recorded).filteredOn(e -> e.type() == EventType.WIDGET_IMPRESSION)
                    .hasSize(items.split(",").length)
                    .allSatisfy(e -> {
                        assertThat(e.placement()).isEqualTo("pdp-also-bought");
                        assertThat(e.modelVersion()).startsWith("also-bought@");
                    });
            assertThat(recorded).filteredOn(e -> e.type() == EventType.WIDGET_CLICK).singleElement()
                    .satisfies(e -> assertThat(e.itemId()).isEqualTo(first));
        }
    }

    @Test
    void oneShoppersHistoryNeverReachesAnothersRecommendations() throws Exception {
        try (ShopperSession anna = shopper(); ShopperSession bob = shopper()) {
            anna.get(HEART);
            String annaHome = anna.get("/").body;
            assertThat(annaHome).contains("Because you viewed White Hanging Heart T-Light Holder");
            bob.get("/candles-lighting/white-metal-lantern-71053");
            String bobHome = bob.get("/").body;
            assertThat(bobHome).doesNotContain("Because you viewed White Hanging Heart T-Light Holder");
            assertThat(bobHome).contains("Because you viewed White Metal Lantern");
            assertThat(anna.get("/").body).doesNotContain("Because you viewed White Metal Lantern");
            // the JSON endpoint keys by the same cookie: no leak there either
            assertThat(bob.get("/shelfwise/api/recommendations?placement=home-for-you").body)
                    .doesNotContain("Because you viewed White Hanging Heart");
        }
    }

    private static String find(String html, String near, String regex) {
        Matcher block = Pattern.compile(near).matcher(html);
        if (!block.find()) {
            throw new AssertionError("No " + near + " in the page");
        }
        Matcher m = Pattern.compile(regex).matcher(block.group());
        if (!m.find()) {
            throw new AssertionError("No " + regex + " in " + block.group());
        }
        return m.group(1);
    }
}
