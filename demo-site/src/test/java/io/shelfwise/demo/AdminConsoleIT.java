package io.shelfwise.demo;

import io.shelfwise.recommend.onnx.NeighbourGraph;
import io.shelfwise.recommend.onnx.TrainingProvenance;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.algo.NeighbourModel;
import io.shelfwise.recommend.algo.PopularityTrainer;
import org.apache.commons.dbcp.BasicDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin console's Recommendations module over real HTTP, on the demo store seeded from the whole retail file:
 * the module is in Broadleaf's menu, every page and action needs its permissions (403 otherwise, and for a POST
 * without the CSRF token), training runs in the background to READY, activating and rolling back a version
 * changes what the storefront serves, and an approved price suggestion changes the product's price in the shop.
 */
class AdminConsoleIT {

    private static RunningStore store;
    private static BasicDataSource database;

    @BeforeAll
    static void startStore() throws Exception {
        store = RunningStore.start("admin", RunningStore.retailFile());
        database = store.database;
        // two more admin users: one who may only look, one (customer service) without the module's permissions
        sql("INSERT INTO BLC_ADMIN_USER (ADMIN_USER_ID, NAME, LOGIN, PASSWORD, EMAIL, ACTIVE_STATUS_FLAG) "
                + "VALUES (-9201, 'Analyst', 'analyst', 'analyst', 'analyst@shelfwise.test', TRUE)");
        sql("INSERT INTO BLC_ADMIN_USER_ROLE_XREF (ADMIN_USER_ID, ADMIN_ROLE_ID) VALUES (-9201, -9100)");
        sql("INSERT INTO BLC_ADMIN_USER (ADMIN_USER_ID, NAME, LOGIN, PASSWORD, EMAIL, ACTIVE_STATUS_FLAG) "
                + "VALUES (-9202, 'Clerk', 'clerk', 'clerk', 'clerk@shelfwise.test', TRUE)");
        sql("INSERT INTO BLC_ADMIN_USER_ROLE_XREF (ADMIN_USER_ID, ADMIN_ROLE_ID) VALUES (-9202, -4)");
        // a new store trains its models in the background once the imported history has settled
        try (ShopperSession s = shop()) {
            for (int i = 0; i < 240; i++) {
                if (s.get("/shelfwise/api/recommendations?placement=home-trending").body
                        .contains("\"modelVersions\":\"trending@1\"")) {
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

    private static void sql(String statement) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    private static long count(String query) throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static ShopperSession shop() {
        return store.session();
    }

    private static ShopperSession signedIn(String user) throws Exception {
        ShopperSession admin = shop();
        admin.get("/admin/login");
        ShopperSession.Page login = admin.post("/admin/login_admin_post", "j_username", user, "j_password", user);
        assertThat(login.location).as("login of " + user).doesNotContain("login_error");
        return admin;
    }

    @Test
    void theModuleIsInTheMenuAndItsPagesNeedItsPermissions() throws Exception {
        try (ShopperSession admin = signedIn("admin")) {
            ShopperSession.Page models = admin.get("/admin/shelfwise/models");
            assertThat(models.status).isEqualTo(200);
            assertThat(models.body).contains("Recommendations").contains("sw-strategy-trending")
                    .contains("pdp-also-bought").contains("Train now");
            assertThat(admin.get("/admin/shelfwise/prices").status).isEqualTo(200);
            assertThat(admin.get("/admin/shelfwise/privacy").status).isEqualTo(200);
            // a state-changing request without the CSRF token is refused, and nothing changes
            long versions = count("SELECT COUNT(*) FROM SW_MODEL_VERSION");
            assertThat(admin.postRaw("/admin/shelfwise/models/train", "strategy", "pop").status).isEqualTo(403);
            assertThat(count("SELECT COUNT(*) FROM SW_MODEL_VERSION")).isEqualTo(versions);
        }
        try (ShopperSession analyst = signedIn("analyst")) {
            ShopperSession.Page models = analyst.get("/admin/shelfwise/models");
            assertThat(models.status).isEqualTo(200);
            assertThat(models.body).contains("You may look but not change anything").doesNotContain("Train now");
            assertThat(analyst.post("/admin/shelfwise/models/train", "strategy", "pop").status).isEqualTo(403);
            assertThat(analyst.post("/admin/shelfwise/prices/run").status).isEqualTo(403);
            // a shopper's history with their e-mail address needs the privacy permission, which analysts lack
            for (String page : new String[]{"/admin/shelfwise/privacy", "/admin/shelfwise/privacy/export?customer=1",
                    "/admin/shelfwise/privacy?customer=1"}) {
                ShopperSession.Page refused = analyst.get(page);
                assertThat(refused.status).as(page).isEqualTo(403);
                assertThat(refused.body).as(page).contains("PERMISSION_PRIVACY_SHELFWISE");
            }
        }
        try (ShopperSession clerk = signedIn("clerk")) {
            for (String page : new String[]{"/admin/shelfwise/models", "/admin/shelfwise/prices",
                    "/admin/shelfwise/privacy", "/admin/shelfwise/privacy/export?customer=1"}) {
                assertThat(clerk.get(page).status).as(page).isEqualTo(403);
            }
            ShopperSession.Page customers = clerk.get("/admin/customer");
            assertThat(customers.status).isEqualTo(200);
            assertThat(customers.body).doesNotContain("/admin/shelfwise/models");
        }
    }

    @Test
    void adminRequestsThatAnsweredServerErrorsAreClientErrorsWithAMessage() throws Exception {
        try (ShopperSession admin = signedIn("admin")) {
            // a GET on an action reached Broadleaf's entity controller, which failed with 500
            for (String action : new String[]{"models/train", "models/rollback", "models/upload", "privacy/erase",
                    "tuning/reset", "tuning/save", "tuning/preview", "prices/run", "prices/bulk",
                    "experiments/1/start", "models/versions/1/activate"}) {
                assertThat(admin.get("/admin/shelfwise/" + action).status).as("GET " + action).isEqualTo(405);
            }
            assertThat(admin.get("/admin/shelfwise/models/train").body).contains("takes POST only");
            assertThat(admin.get("/admin/shelfwise/no-such-page").status).isEqualTo(404);
            admin.get("/admin/shelfwise/tuning");
            long saved = count("SELECT COUNT(*) FROM SW_PLACEMENT_SETTINGS_HISTORY");
            // an unknown placement in a preview, and a placement in braces (a URI template to Spring's redirect)
            for (String[] request : new String[][]{{"/admin/shelfwise/tuning/preview", "nope"},
                    {"/admin/shelfwise/tuning/save", "{x}"}, {"/admin/shelfwise/tuning/reset", "{x}"},
                    {"/admin/shelfwise/tuning/save", "home-trending/../{x}"}}) {
                ShopperSession.Page answer = admin.post(request[0], "placement", request[1], "json", "{}");
                assertThat(answer.status).as(request[0] + " " + request[1]).isEqualTo(302);
                ShopperSession.Page page = admin.get(answer.location.replaceFirst("^https?://[^/]+", ""));
                assertThat(page.status).isEqualTo(200);
                assertThat(page.body).contains("There is no placement");
            }
            assertThat(count("SELECT COUNT(*) FROM SW_PLACEMENT_SETTINGS_HISTORY")).isEqualTo(saved);
        }
    }

    @Test
    void theHealthPageShowsTheStorefrontsTrafficNotTheAdminServersOwn() throws Exception {
        try (ShopperSession shopper = store.session()) {
            for (int i = 0; i < 5; i++) {
                assertThat(shopper.get("/").status).isEqualTo(200);
            }
        }
        try (ShopperSession admin = signedIn("admin")) {
            // the storefront writes its report every 15 s in the demo
            ShopperSession.Page health = null;
            for (int i = 0; i < 40; i++) {
                health = admin.get("/admin/shelfwise/health");
                assertThat(health.status).isEqualTo(200);
                if (health.body.contains("data-node=\"storefront ") && health.body.contains("home-for-you")) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertThat(health.body).contains("data-node=\"storefront ").contains("recommendations: ")
                    .contains("home-for-you").doesNotContain("data-node=\"admin ");
            assertThat(count("SELECT COUNT(*) FROM SW_NODE_HEALTH WHERE ROLE = 'storefront'")).isPositive();
            ShopperSession.Page series = admin.get("/admin/shelfwise/health/series?hours=2");
            assertThat(series.status).isEqualTo(200);
            assertThat(series.body).contains("\"minutes\":[").contains("\"written\":[").contains("\"p99\":{");
            for (String bad : new String[]{"0", "25", "six", "-3"}) {
                ShopperSession.Page refused = admin.get("/admin/shelfwise/health/series?hours=" + bad);
                assertThat(refused.status).as(bad).isEqualTo(400);
                assertThat(refused.body).as(bad).contains("hours is a whole number from 1 to 24");
            }
        }
        try (ShopperSession analyst = signedIn("analyst")) {
            assertThat(analyst.get("/admin/shelfwise/health").status).isEqualTo(200);
        }
        try (ShopperSession clerk = signedIn("clerk")) {
            assertThat(clerk.get("/admin/shelfwise/health").status).isEqualTo(403);
            assertThat(clerk.get("/admin/shelfwise/health/series").status).isEqualTo(403);
        }
    }

    @Test
    void trainingActivationAndRollbackChangeWhatTheShopServes() throws Exception {
        try (ShopperSession admin = signedIn("admin"); ShopperSession shopper = shop()) {
            admin.get("/admin/shelfwise/models");
            ShopperSession.Page page = act(admin, "/admin/shelfwise/models/train", "strategy", "trending",
                    "activate", "true");
            assertThat(page.body).contains("Training trending@2");
            long id = Long.parseLong(page.find("data-poll=\"/admin/shelfwise/models/versions/(\\d+)\""));
            String status = "";
            for (int i = 0; i < 120 && !status.contains("READY"); i++) {
                Thread.sleep(1000);
                status = admin.get("/admin/shelfwise/models/versions/" + id).body;
                assertThat(status).doesNotContain("FAILED");
            }
            assertThat(status).contains("\"label\":\"trending@2\"").contains("READY");
            awaitServed(shopper, "trending@2");

            admin.get("/admin/shelfwise/models");
            assertThat(act(admin, "/admin/shelfwise/models/rollback", "slot", "trending").body)
                    .contains("trending is back on trending@1");
            awaitServed(shopper, "trending@1");

            assertThat(act(admin, "/admin/shelfwise/models/versions/" + id + "/activate").body)
                    .contains("trending@2 now serves trending");
            awaitServed(shopper, "trending@2");

            // bad input: unknown version, unknown strategy, deleting the active version: a message, no change
            assertThat(act(admin, "/admin/shelfwise/models/versions/999999/activate").body)
                    .contains("No model version 999999");
            assertThat(act(admin, "/admin/shelfwise/models/train", "strategy", "no-such-strategy").body)
                    .contains("sw-flash-error");
            assertThat(act(admin, "/admin/shelfwise/models/versions/" + id + "/delete").body)
                    .contains("is active on");
            awaitServed(shopper, "trending@2");
        }
    }

    @Test
    void tunedSettingsArePreviewedThenSavedForTheShopAndReset() throws Exception {
        try (ShopperSession admin = signedIn("admin"); ShopperSession shopper = shop()) {
            ShopperSession.Page page = admin.get("/admin/shelfwise/tuning?placement=search-empty");
            assertThat(page.status).isEqualTo(200);
            assertThat(page.body).contains("standard settings").contains("&quot;strategy&quot;");
            String popular = "{\"name\":\"search-empty\",\"chain\":[{\"strategy\":\"pop\",\"input\":\"none\"}],"
                    + "\"maxPerCategory\":1}";
            ShopperSession.Page preview = admin.post("/admin/shelfwise/tuning/preview", "placement", "search-empty",
                    "json", popular, "shopper", "", "product", "");
            assertThat(preview.status).isEqualTo(200);
            assertThat(preview.body).contains("id=\"sw-preview\"").contains("pop@1").contains("Popular");
            // bad settings: a message, nothing saved
            ShopperSession.Page bad = admin.post("/admin/shelfwise/tuning/preview", "placement", "search-empty",
                    "json", "{\"name\":\"search-empty\",\"chain\":[{\"strategy\":\"no-such\",\"input\":\"none\"}]}");
            assertThat(bad.body).contains("Cannot preview");
            assertThat(act(admin, "/admin/shelfwise/tuning/save", "placement", "search-empty", "json",
                    "{\"name\":\"home-trending\"}").body).contains("sw-flash-error");
            assertThat(count("SELECT COUNT(*) FROM SW_PLACEMENT_SETTINGS")).isZero();

            assertThat(act(admin, "/admin/shelfwise/tuning/save", "placement", "search-empty", "json", popular).body)
                    .contains("Saved the settings of search-empty");
            awaitPlacement(shopper, "search-empty", "\"modelVersions\":\"pop@1\"");
            assertThat(act(admin, "/admin/shelfwise/tuning/reset", "placement", "search-empty").body)
                    .contains("back on its standard settings");
            awaitPlacement(shopper, "search-empty", "\"modelVersions\":\"trending@");
        }
    }

    private static void awaitPlacement(ShopperSession shopper, String placement, String expected) throws Exception {
        String body = "";
        for (int i = 0; i < 40; i++) {
            body = shopper.get("/shelfwise/api/recommendations?placement=" + placement).body;
            if (body.contains(expected)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(placement + " never served " + expected + ": " + body);
    }

    /** POSTs an action and follows its redirect, as a browser would: the page then shows what the action said. */
    private static ShopperSession.Page act(ShopperSession admin, String path, String... fields) throws Exception {
        ShopperSession.Page answer = admin.post(path, fields);
        assertThat(answer.status).as("POST " + path).isEqualTo(302);
        return admin.get(answer.location.replaceFirst("^https?://[^/]+", ""));
    }

    private static void awaitServed(ShopperSession shopper, String version) throws Exception {
        String body = "";
        // every storefront node picks activations up from the registry within its sync interval (10 s)
        for (int i = 0; i < 40; i++) {
            body = shopper.get("/shelfwise/api/recommendations?placement=home-trending").body;
            if (body.contains("\"modelVersions\":\"" + version + "\"")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the shop never served " + version + ": " + body);
    }

    @Test
    void anApprovedSuggestionChangesThePriceInTheShopWithAnAuditRow() throws Exception {
        try (ShopperSession admin = signedIn("admin"); ShopperSession shopper = shop()) {
            admin.get("/admin/shelfwise/prices");
            ShopperSession.Page page = act(admin, "/admin/shelfwise/prices/run");
            for (int i = 0; i < 180 && !page.body.contains("data-state=\"DONE\""); i++) {
                assertThat(page.body).doesNotContain("data-state=\"FAILED\"");
                Thread.sleep(1000);
                page = admin.get("/admin/shelfwise/prices");
            }
            Matcher row = Pattern.compile("<tr data-product=\"(\\d+)\" data-suggestion=\"(\\d+)\">").matcher(page.body);
            assertThat(row.find()).as("a pending suggestion on the page").isTrue();
            String product = row.group(1);
            String suggestion = row.group(2);
            String name = page.find("data-suggestion=\"" + suggestion + "\">\\s*<td>[^<]*<input[^>]*/></td>\\s*"
                    + "<td><a[^>]*>([^<]+)</a>");

            // a malformed edited price is refused and nothing changes
            assertThat(act(admin, "/admin/shelfwise/prices/" + suggestion + "/approve", "price", "abc").body)
                    .contains("is not a price");
            assertThat(count("SELECT COUNT(*) FROM SW_PRICE_AUDIT")).isZero();

            assertThat(act(admin, "/admin/shelfwise/prices/" + suggestion + "/approve", "price", "7.77").body)
                    .contains("now costs 7.77");
            assertThat(count("SELECT COUNT(*) FROM SW_PRICE_AUDIT WHERE PRODUCT_ID = '" + product
                    + "' AND CHANGED_BY = 'admin'")).isEqualTo(1);
            String search = shopper.get("/search?q=" + java.net.URLEncoder.encode(name, "UTF-8")).body;
            assertThat(search).contains("£7.77");

            // approving twice is refused: the suggestion was applied
            assertThat(act(admin, "/admin/shelfwise/prices/" + suggestion + "/approve").body)
                    .contains("sw-flash-error");
            assertThat(count("SELECT COUNT(*) FROM SW_PRICE_AUDIT WHERE PRODUCT_ID = '" + product + "'"))
                    .isEqualTo(1);
        }
    }

    /** The Models page's upload form's action: the CSRF token is in its URL, where Broadleaf's filter looks. */
    private static String uploadAction(ShopperSession.Page models) {
        Matcher action = Pattern.compile("action=\"([^\"]+)\"")
                .matcher(models.find("(<form[^>]*id=\"sw-upload-form\"[^>]*>)"));
        assertThat(action.find()).as("the upload form's action").isTrue();
        return action.group(1).replace("&amp;", "&");
    }

    /** POSTs the upload form as a browser does and follows the redirect to the page that says what happened. */
    private static ShopperSession.Page upload(ShopperSession admin, String action, String strategy, String fileName,
                                              byte[] content) throws Exception {
        ShopperSession.Page answer = admin.postFile(action, "file", fileName, content, "strategy", strategy);
        assertThat(answer.status).as("upload " + fileName + " as " + strategy).isEqualTo(302);
        return admin.get(answer.location.replaceFirst("^https?://[^/]+", ""));
    }

    /** A popularity model over every product of the store, exported the way Shelfwise's own training does. */
    private static byte[] popularityModelOfTheStoresProducts() throws Exception {
        List<String> products = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT PRODUCT_ID FROM BLC_PRODUCT ORDER BY PRODUCT_ID")) {
            while (rows.next()) {
                products.add(String.valueOf(rows.getLong(1)));
            }
        }
        int[][] histories = new int[products.size()][];
        for (int i = 0; i < histories.length; i++) {
            histories[i] = new int[] {i, (i * 7) % products.size(), (i * 7) % products.size()};
        }
        InteractionData data = InteractionData.of(histories, Collections.nCopies(products.size(), "u"), products);
        NeighbourModel model = new PopularityTrainer().train(data);
        return NeighbourGraph.export(model, TrainingProvenance.of(model, data, "admin upload test",
                PopularityTrainer.class, Collections.emptyMap(), Clock.systemUTC())).toByteArray();
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(11).nextBytes(bytes);
        return bytes;
    }

    @Test
    void anUploadedModelIsCheckedAndThenCanBeActivated() throws Exception {
        try (ShopperSession admin = signedIn("admin")) {
            ShopperSession.Page models = admin.get("/admin/shelfwise/models");
            assertThat(models.body).contains("Upload a model").contains("bring-your-own-model.md")
                    .contains("enctype=\"multipart/form-data\"");
            String action = uploadAction(models);
            assertThat(action).startsWith("/admin/shelfwise/models/upload?csrfToken=");

            // a path in the client's file name is dropped by the multipart parser, and the rest is only text: the
            // registry writes the bytes under its own name in its own store
            ShopperSession.Page page = upload(admin, action, "uploaded-pop", "../pop.onnx",
                    popularityModelOfTheStoresProducts());
            assertThat(page.body).contains("sw-flash-ok").contains("Uploaded uploaded-pop@1: it passed validation")
                    .contains("is READY").contains("NOTE: Dry run").contains("uploaded by admin, pop.onnx");
            long id = count("SELECT ID FROM SW_MODEL_VERSION WHERE STRATEGY = 'uploaded-pop' AND VERSION = 1 "
                    + "AND STATUS = 'READY' AND ARTIFACT_FILE = 'uploaded-pop-v1.onnx'");

            page = act(admin, "/admin/shelfwise/models/versions/" + id + "/activate");
            assertThat(page.body).contains("uploaded-pop@1 now serves uploaded-pop").contains("serving uploaded-pop@1");
        }
    }

    @Test
    void aCorruptOrOversizeUploadIsRefusedWithAMessageAndNothingBecomesActive() throws Exception {
        try (ShopperSession admin = signedIn("admin")) {
            long activations = count("SELECT COUNT(*) FROM SW_PLACEMENT_ACTIVATION");
            String action = uploadAction(admin.get("/admin/shelfwise/models"));
            ShopperSession.Page page = upload(admin, action, "uploaded-noise", "noise.onnx", randomBytes(20_000));
            assertThat(page.body).contains("sw-flash-error").contains("The upload failed validation")
                    .contains("recorded as uploaded-noise@1, FAILED, and can never be activated")
                    .contains("ERROR: ONNX Runtime cannot read the file as an ONNX model");
            long failed = count("SELECT ID FROM SW_MODEL_VERSION WHERE STRATEGY = 'uploaded-noise' AND VERSION = 1 "
                    + "AND STATUS = 'FAILED' AND ARTIFACT_FILE IS NULL");
            assertThat(act(admin, "/admin/shelfwise/models/versions/" + failed + "/activate").body)
                    .contains("uploaded-noise@1 cannot be activated: it is FAILED");

            // above the admin's multipart limit (Broadleaf's asset.server.max.uploadable.file.size, 10 000 000 bytes)
            long versions = count("SELECT COUNT(*) FROM SW_MODEL_VERSION");
            page = upload(admin, uploadAction(page), "uploaded-big", "big.onnx", randomBytes(10_500_000));
            assertThat(page.status).isEqualTo(200);
            assertThat(page.body).contains("sw-flash-error").contains("The upload is too large (10.0 MB)")
                    .contains("accepts uploads of up to 9.5 MB");
            assertThat(count("SELECT COUNT(*) FROM SW_MODEL_VERSION")).isEqualTo(versions);
            assertThat(count("SELECT COUNT(*) FROM SW_PLACEMENT_ACTIVATION")).isEqualTo(activations);
        }
    }

    @Test
    void anUploadNeedsTheCsrfTokenInItsUrlAndTheMaintainPermission() throws Exception {
        byte[] model = randomBytes(1000);
        long versions = count("SELECT COUNT(*) FROM SW_MODEL_VERSION");
        try (ShopperSession admin = signedIn("admin")) {
            String action = uploadAction(admin.get("/admin/shelfwise/models"));
            String token = action.substring(action.indexOf("csrfToken=") + "csrfToken=".length());
            ShopperSession.Page noToken = admin.postFile("/admin/shelfwise/models/upload", "file", "m.onnx", model,
                    "strategy", "x");
            assertThat(noToken.status).isEqualTo(403);
            assertThat(noToken.body).contains("CSRF token");
            // in the multipart body the token is not seen: the filter reads it before the body is parsed
            assertThat(admin.postFile("/admin/shelfwise/models/upload", "file", "m.onnx", model, "strategy", "x",
                    "csrfToken", token).status).isEqualTo(403);
        }
        try (ShopperSession analyst = signedIn("analyst")) {
            ShopperSession.Page models = analyst.get("/admin/shelfwise/models");
            assertThat(models.status).isEqualTo(200);
            assertThat(models.body).doesNotContain("sw-upload-form");
            String token = analyst.csrfToken();
            assertThat(token).as("the analyst's session's CSRF token").isNotEmpty();
            ShopperSession.Page refused = analyst.postFile("/admin/shelfwise/models/upload?csrfToken=" + token,
                    "file", "m.onnx", model, "strategy", "x");
            assertThat(refused.status).isEqualTo(403);
            assertThat(refused.body).contains("Maintain Recommendations");
        }
        assertThat(count("SELECT COUNT(*) FROM SW_MODEL_VERSION")).isEqualTo(versions);
    }
}
