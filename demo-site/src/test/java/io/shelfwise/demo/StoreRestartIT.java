package io.shelfwise.demo;

import io.shelfwise.demo.seed.StoreSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store keeps its orders across restarts and is seeded only once: start the demo site as its own process, place
 * an order, stop the process (as Ctrl-C would), start a new process on the same data folder, and find the order
 * and an unchanged catalogue.
 */
class StoreRestartIT {

    private static Path dataDir;

    @BeforeAll
    static void createDataFolder() throws Exception {
        dataDir = Files.createTempDirectory("shelfwise-restart-test");
    }

    @AfterAll
    static void deleteDataFolder() throws Exception {
        DemoSettings.of(dataDir, 0, null).reset();
    }

    @Test
    void ordersSurviveARestartAndTheStoreIsNotSeededTwice() throws Exception {
        int ordersBefore;
        String productsBefore;
        try (DemoSiteProcess server = DemoSiteProcess.start(dataDir, BroadleafTestStore.fixture())) {
            try (ShopperSession s = signedIn(server)) {
                ordersBefore = orderCount(s);
                productsBefore = s.get("/candles-lighting").find("(\\d+) products");
                String id = s.get("/candles-lighting/white-metal-lantern-71053").find("name=\"productId\" value=\"(\\d+)\"");
                s.post("/cart/add", "productId", id, "quantity", "1");
                s.get("/checkout");
                ShopperSession.Page placed = s.post("/checkout", "firstName", "Customer", "lastName", "17850",
                        "emailAddress", "c17850@example.com", "addressLine1", "1 High St", "city", "Leeds",
                        "postalCode", "LS1 1AA", "countryCode", "GB", "fulfillmentOptionId", "-2");
                assertThat(placed.location).contains("/confirmation/");
            }
        }

        try (DemoSiteProcess server = DemoSiteProcess.start(dataDir, BroadleafTestStore.fixture())) {
            assertThat(server.output()).contains("not seeding");
            try (ShopperSession s = signedIn(server)) {
                assertThat(orderCount(s)).isEqualTo(ordersBefore + 1);
                assertThat(s.get("/candles-lighting").find("(\\d+) products")).isEqualTo(productsBefore);
            }
        }
    }

    private static ShopperSession signedIn(DemoSiteProcess server) throws Exception {
        ShopperSession s = new ShopperSession(server.baseUrl());
        s.get("/login");
        ShopperSession.Page login = s.post("/login_post", "username", StoreSeeder.customerEmail("17850"),
                "password", StoreSeeder.CUSTOMER_PASSWORD);
        assertThat(login.location).doesNotContain("error");
        return s;
    }

    private static int orderCount(ShopperSession s) throws Exception {
        String body = s.get("/account").body;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("most recent of (\\d+) orders").matcher(body);
        if (m.find()) {
            return Integer.parseInt(m.group(1));
        }
        return body.split("<tr>", -1).length - 2;
    }
}
