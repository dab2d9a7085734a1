package io.shelfwise.demo;

import io.shelfwise.demo.seed.StoreSeeder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts the demo store (storefront and admin in one embedded Tomcat, HSQLDB in a temporary folder, seeded from
 * a fixture of the retail file) on a free port and uses it over real HTTP as a shopper and an admin would.
 */
class StoreHttpIT {

    private static final String HEART = "/candles-lighting/white-hanging-heart-t-light-holder-85123a";
    private static final String LANTERN = "/candles-lighting/white-metal-lantern-71053";

    private static Path dataDir;
    private static StoreServer server;
    private static String baseUrl;

    @BeforeAll
    static void startStore() throws Exception {
        dataDir = Files.createTempDirectory("shelfwise-http-test");
        int port = DemoSiteProcess.freePort();
        server = StoreServer.start(DemoSettings.of(dataDir, port, BroadleafTestStore.fixture()), true);
        baseUrl = "http://localhost:" + server.port();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (server != null) {
            server.close();
        }
        DemoSettings.of(dataDir, 0, null).reset();
    }

    private static ShopperSession shopper() {
        return new ShopperSession(baseUrl);
    }

    @Test
    void homeCategoryAndProductPagesRenderTheSeededCatalogue() throws Exception {
        try (ShopperSession s = shopper()) {
            ShopperSession.Page home = s.get("/");
            assertThat(home.status).isEqualTo(200);
            assertThat(home.body).contains("Shelfwise <span>Gifts</span>", "href=\"/candles-lighting\"");

            ShopperSession.Page category = s.get("/candles-lighting");
            assertThat(category.status).isEqualTo(200);
            assertThat(category.body).contains("<h1>Candles &amp; Lighting</h1>", "White Hanging Heart T-Light Holder");

            ShopperSession.Page product = s.get(HEART);
            assertThat(product.status).isEqualTo(200);
            assertThat(product.body).contains("<h1>White Hanging Heart T-Light Holder</h1>", "£2.55",
                    "Recommendations by Shelfwise");
        }
    }

    @Test
    void searchFindsProductsByName() throws Exception {
        try (ShopperSession s = shopper()) {
            ShopperSession.Page results = s.get("/search?q=lantern");
            assertThat(results.status).isEqualTo(200);
            assertThat(results.body).contains("White Metal Lantern");
            assertThat(s.get("/search?q=zzzznothing").body).contains("Nothing matched your search");
        }
    }

    @Test
    void unknownPagesGetTheStoresNotFoundPage() throws Exception {
        try (ShopperSession s = shopper()) {
            ShopperSession.Page missing = s.get("/candles-lighting/no-such-product-99999");
            assertThat(missing.status).isEqualTo(404);
            assertThat(missing.body).contains("Page not found", "Back to the shop").doesNotContain("Exception");
        }
    }

    @Test
    void shopperAddsUpdatesRemovesAndChecksOut() throws Exception {
        try (ShopperSession s = shopper()) {
            String lanternId = s.get(LANTERN).find("name=\"productId\" value=\"(\\d+)\"");
            ShopperSession.Page added = s.post("/cart/add", "productId", lanternId, "quantity", "2");
            assertThat(added.status).isEqualTo(302);
            assertThat(added.location).endsWith("/cart");
            String heartId = s.get(HEART).find("name=\"productId\" value=\"(\\d+)\"");
            s.post("/cart/add", "productId", heartId, "quantity", "1");

            ShopperSession.Page cart = s.get("/cart");
            assertThat(cart.body).contains("White Metal Lantern", "White Hanging Heart T-Light Holder",
                    "class=\"count\">3<");
            String lanternLine = cart.find("name=\"orderItemId\" value=\"(\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"productId\" value=\"" + lanternId + "\"");
            s.post("/cart/updateQuantity", "orderItemId", lanternLine, "productId", lanternId, "quantity", "3");
            assertThat(s.get("/cart").body).contains("class=\"count\">4<");
            String heartLine = s.get("/cart").find("name=\"orderItemId\" value=\"(\\d+)\"[^>]*>\\s*<input type=\"hidden\" name=\"productId\" value=\"" + heartId + "\"");
            s.post("/cart/remove", "orderItemId", heartLine, "productId", heartId);
            cart = s.get("/cart");
            assertThat(cart.body).contains("White Metal Lantern", "class=\"count\">3<")
                    .doesNotContain("White Hanging Heart T-Light Holder</a>");

            assertThat(s.get("/checkout").body).contains("Standard delivery");
            ShopperSession.Page placed = s.post("/checkout", "firstName", "Ada", "lastName", "Lovelace",
                    "emailAddress", "ada@example.com", "addressLine1", "12 St James's Square", "city", "London",
                    "postalCode", "SW1Y 4JH", "countryCode", "GB", "fulfillmentOptionId", "-1");
            assertThat(placed.status).isEqualTo(302);
            assertThat(placed.location).contains("/confirmation/");
            String confirmationPath = placed.location.substring(placed.location.indexOf("/confirmation/"));
            ShopperSession.Page confirmation = s.get(confirmationPath);
            assertThat(confirmation.status).isEqualTo(200);
            assertThat(confirmation.body).contains("Thank you for your order", "White Metal Lantern", "£3.95");
            assertThat(s.get("/cart").body).contains("Your basket is empty");

            try (ShopperSession stranger = shopper()) {
                assertThat(stranger.get(confirmationPath).status).isEqualTo(404);
            }
        }
    }

    @Test
    void checkoutWithMissingFieldsShowsWhatToFixAndKeepsTheEntries() throws Exception {
        try (ShopperSession s = shopper()) {
            String id = s.get(LANTERN).find("name=\"productId\" value=\"(\\d+)\"");
            s.post("/cart/add", "productId", id, "quantity", "1");
            s.get("/checkout");
            ShopperSession.Page page = s.post("/checkout", "firstName", "Ada", "lastName", "",
                    "emailAddress", "ada@example.com", "fulfillmentOptionId", "-1");
            assertThat(page.status).isEqualTo(200);
            assertThat(page.body).contains("Enter your last name", "value=\"Ada\"");
        }
    }

    @Test
    void malformedAndForgedCartRequestsGetClearErrors() throws Exception {
        try (ShopperSession s = shopper()) {
            s.get(LANTERN);
            ShopperSession.Page garbage = s.post("/cart/add", "productId", "not-a-number", "quantity", "1");
            assertThat(garbage.status).isEqualTo(302);
            assertThat(s.get("/cart").body).contains("That request was not understood");

            s.post("/cart/add", "productId", "99999999", "quantity", "1");
            assertThat(s.get("/cart").body).contains("That product cannot be added");

            s.post("/cart/add", "productId", "1", "quantity", "-4");
            assertThat(s.get("/cart").body).contains("Quantity must be between 1 and 999");

            ShopperSession.Page forged = s.postRaw("/cart/add", "productId", "1", "quantity", "1");
            assertThat(forged.status).isEqualTo(403);
            assertThat(forged.body).contains("This form has expired");
        }
    }

    @Test
    void anonymousBasketIsKeptWhenTheShopperSignsIn() throws Exception {
        try (ShopperSession s = shopper()) {
            String id = s.get(LANTERN).find("name=\"productId\" value=\"(\\d+)\"");
            s.post("/cart/add", "productId", id, "quantity", "2");
            s.get("/login");
            ShopperSession.Page login = s.post("/login_post", "username", StoreSeeder.customerEmail("17850"),
                    "password", StoreSeeder.CUSTOMER_PASSWORD);
            assertThat(login.status).isEqualTo(302);
            assertThat(login.location).doesNotContain("error");

            ShopperSession.Page account = s.get("/account");
            assertThat(account.status).isEqualTo(200);
            assertThat(account.body).contains(StoreSeeder.customerEmail("17850"), "Your orders");
            assertThat(s.get("/cart").body).contains("White Metal Lantern", "Hello, Customer");
        }
    }

    @Test
    void wrongPasswordIsRefusedAndAccountPagesNeedSignIn() throws Exception {
        try (ShopperSession s = shopper()) {
            assertThat(s.get("/account").status).isEqualTo(302);
            s.get("/login");
            ShopperSession.Page login = s.post("/login_post", "username", StoreSeeder.customerEmail("17850"),
                    "password", "wrong");
            assertThat(login.location).contains("/login?error=true");
            assertThat(s.get("/login?error=true").body).contains("do not match an account");
        }
    }

    @Test
    void newCustomerRegistersAndIsSignedIn() throws Exception {
        try (ShopperSession s = shopper()) {
            s.get("/register");
            ShopperSession.Page registered = s.post("/register", "customer.firstName", "Grace",
                    "customer.lastName", "Hopper", "customer.emailAddress", "grace@example.com",
                    "password", "cobol1959", "passwordConfirm", "cobol1959");
            assertThat(registered.status).isEqualTo(302);
            assertThat(s.get("/account").body).contains("grace@example.com");

            try (ShopperSession again = shopper()) {
                again.get("/register");
                ShopperSession.Page duplicate = again.post("/register", "customer.firstName", "Grace",
                        "customer.lastName", "Hopper", "customer.emailAddress", "grace@example.com",
                        "password", "cobol1959", "passwordConfirm", "cobol1959");
                assertThat(duplicate.status).isEqualTo(200);
                assertThat(duplicate.body).contains("already exists");
            }
        }
    }

    @Test
    void adminConsoleLogsInWithTheSeededAdministrator() throws Exception {
        try (ShopperSession admin = shopper()) {
            ShopperSession.Page login = admin.get("/admin/login");
            assertThat(login.status).isEqualTo(200);
            assertThat(login.body).contains("j_username");
            ShopperSession.Page signedIn = admin.post("/admin/login_admin_post", "j_username", "admin",
                    "j_password", "admin");
            assertThat(signedIn.status).isEqualTo(302);
            assertThat(signedIn.location).doesNotContain("login_error");
            ShopperSession.Page products = admin.follow("/admin/product");
            assertThat(products.status).isEqualTo(200);
            assertThat(products.body).contains("White Hanging Heart T-Light Holder");

            try (ShopperSession intruder = shopper()) {
                intruder.get("/admin/login");
                ShopperSession.Page refused = intruder.post("/admin/login_admin_post", "j_username", "admin",
                        "j_password", "guess");
                assertThat(refused.location).contains("login_error");
                assertThat(intruder.get("/admin/product").body).contains("j_username");
            }
        }
    }
}
