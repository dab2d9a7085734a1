package io.shelfwise.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo store against bad requests, searches that would list the whole catalogue, and shoppers arriving while
 * it starts, over real HTTP: one store (storefront and admin) started on a fresh data folder and seeded from a file
 * the test writes, the fixture of the retail file plus 60 numbered candles and two whose names hold {@code %} and
 * {@code _}.
 * <p>
 * The seed file is a named pipe: seeding, the storefront's last step of starting, waits until the test writes it,
 * so the test sees the store while it starts without racing it (and without any timing in the assertions).
 */
class StoreHardeningHttpIT {

    private static final String CANDLES = "/candles-lighting";
    private static final int NUMBERED_CANDLES = 60;
    private static final Pattern CARD_NAME = Pattern.compile("<h3><a href=\"[^\"]*\">([^<]+)</a></h3>");
    private static final Pattern CARD_URL = Pattern.compile("<h3><a href=\"([^\"]*)\">");
    /** The order the store sorts names in: by their lower-case form. */
    private static final java.util.Comparator<String> BY_NAME = java.util.Comparator.comparing(
            (String name) -> name.toLowerCase(Locale.ROOT));
    private static final Pattern CARD_PRICE = Pattern.compile("class=\"price\"><span>£([0-9.]+)<");

    private static Path dataDir;
    private static Path seedDir;
    private static StoreServer server;
    private static String baseUrl;
    private static final List<Integer> statusesWhileStarting = new ArrayList<>();
    private static Response storefrontWhileStarting;
    private static Response adminWhileStarting;

    @BeforeAll
    static void startStoreWatchingItStart() throws Exception {
        dataDir = Files.createTempDirectory("shelfwise-hardening-test");
        seedDir = Files.createTempDirectory("shelfwise-hardening-seed");
        Path seed = seedDir.resolve("transactions.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", seed.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).as("mkfifo").isZero();

        int port = DemoSiteProcess.freePort();
        baseUrl = "http://localhost:" + port;
        DemoSettings settings = DemoSettings.of(dataDir, port, seed);
        ExecutorService starter = Executors.newSingleThreadExecutor();
        Future<StoreServer> starting = starter.submit(() -> StoreServer.start(settings, true));
        boolean fed = false;
        while (!starting.isDone()) {
            Response response;
            try {
                response = fetch("GET", "/");
            } catch (IOException notListeningYet) {
                Thread.sleep(100);
                continue;
            }
            statusesWhileStarting.add(response.status);
            if (response.status == 503 && storefrontWhileStarting == null) {
                storefrontWhileStarting = response;
                adminWhileStarting = fetch("GET", "/admin/login");
            }
            if (!fed && storefrontWhileStarting != null) {
                feed(seed, seedFile());
                fed = true;
            }
            Thread.sleep(200);
        }
        server = starting.get(5, TimeUnit.MINUTES);
        starter.shutdown();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (server != null) {
            server.close();
        }
        DemoSettings.of(dataDir, 0, null).reset();
        DemoSettings.of(seedDir, 0, null).reset();
    }

    /** Writes the seed file into the pipe from a thread of its own: opening a pipe waits for its reader. */
    private static void feed(Path pipe, byte[] content) {
        Thread writer = new Thread(() -> {
            try {
                Files.write(pipe, content);
            } catch (IOException e) {
                throw new IllegalStateException("Could not write the seed file", e);
            }
        }, "seed-file-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private static byte[] seedFile() throws Exception {
        StringBuilder csv = new StringBuilder(new String(Files.readAllBytes(BroadleafTestStore.fixture()),
                StandardCharsets.UTF_8));
        if (csv.charAt(csv.length() - 1) != '\n') {
            csv.append('\n');
        }
        for (int i = 1; i <= NUMBERED_CANDLES; i++) {
            csv.append(String.format(Locale.ROOT, "590001,9%04d,NUMBERED PILLAR CANDLE %d,2,%.2f,19001,United Kingdom%n",
                    i, i, 1 + i * 0.25));
        }
        csv.append("590002,99101,50% OFF CANDLE,1,2.00,19001,United Kingdom\n");
        csv.append("590002,99102,TEA_LIGHT CANDLE,1,2.10,19001,United Kingdom\n");
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A response: status, Retry-After and body. */
    private static final class Response {
        final int status;
        final String retryAfter;
        final String body;

        Response(int status, String retryAfter, String body) {
            this.status = status;
            this.retryAfter = retryAfter;
            this.body = body;
        }

        List<String> names() {
            return all(CARD_NAME);
        }

        List<String> all(Pattern pattern) {
            List<String> found = new ArrayList<>();
            Matcher m = pattern.matcher(body);
            while (m.find()) {
                found.add(m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                        .replace("&gt;", ">").replace("&amp;", "&"));
            }
            return found;
        }

        long total() {
            Matcher m = Pattern.compile("<span>(\\d+) products").matcher(body);
            assertThat(m.find()).as("a product count in the page").isTrue();
            return Long.parseLong(m.group(1));
        }

        @Override
        public String toString() {
            return status + " " + body.substring(0, Math.min(200, body.length()));
        }
    }

    /** A request without cookies (a new client each time), redirects not followed. */
    private static Response fetch(String method, String pathAndQuery) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL(baseUrl + pathAndQuery).openConnection();
        connection.setInstanceFollowRedirects(false);
        connection.setConnectTimeout(30_000);
        connection.setReadTimeout(120_000);
        connection.setRequestMethod(method);
        if ("POST".equals(method)) {
            connection.setDoOutput(true);
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            connection.getOutputStream().write(
                    "type=click&placement=home-trending&item=14&version=pop@1".getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; in != null && (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        String body = new String(out.toByteArray(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Response(status, connection.getHeaderField("Retry-After"), body);
    }

    private static Response get(String pathAndQuery) throws IOException {
        return fetch("GET", pathAndQuery);
    }

    private static String encoded(String text) throws IOException {
        return URLEncoder.encode(text, "UTF-8");
    }

    @Test
    void storeAnswers503WithRetryAfterWhileStartingNotNotFound() throws Exception {
        assertThat(storefrontWhileStarting).as("a response while the store was starting").isNotNull();
        assertThat(storefrontWhileStarting.retryAfter).isEqualTo(Integer.toString(StartupGate.RETRY_AFTER_SECONDS));
        assertThat(storefrontWhileStarting.body).contains("The store is starting");
        assertThat(adminWhileStarting.status).isEqualTo(503);
        assertThat(adminWhileStarting.retryAfter).isNotNull();
        // every answer while starting was 503 (the last polls may already see the open store), never 404
        int firstOk = statusesWhileStarting.indexOf(200);
        List<Integer> beforeReady = firstOk < 0 ? statusesWhileStarting : statusesWhileStarting.subList(0, firstOk);
        assertThat(beforeReady).isNotEmpty().containsOnly(503);
        assertThat(statusesWhileStarting.subList(beforeReady.size(), statusesWhileStarting.size())).allMatch(s -> s == 200);

        Response ready = get("/");
        assertThat(ready.status).isEqualTo(200);
        assertThat(ready.retryAfter).isNull();
        assertThat(get("/admin/login").status).isEqualTo(200);
    }

    @Test
    void searchForPercentOrUnderscoreMatchesThoseCharactersNotEveryProduct() throws Exception {
        Response percent = get("/search?q=%25");
        assertThat(percent.status).isEqualTo(200);
        assertThat(percent.names()).containsExactly("50% Off Candle");
        assertThat(percent.total()).isEqualTo(1);

        Response underscore = get("/search?q=_");
        assertThat(underscore.names()).containsExactly("Tea_light Candle");

        Response words = get("/search?q=" + encoded("pillar  CANDLE 7"));
        assertThat(words.names()).containsExactly("Numbered Pillar Candle 17", "Numbered Pillar Candle 27",
                "Numbered Pillar Candle 37", "Numbered Pillar Candle 47", "Numbered Pillar Candle 57",
                "Numbered Pillar Candle 7");
    }

    @Test
    void searchMatchingMostOfTheCatalogueIsPagedNotOnePageOfEverything() throws Exception {
        Response first = get("/search?q=a&pageSize=100000");
        assertThat(first.status).isEqualTo(200);
        long total = first.total();
        assertThat(total).isGreaterThan(NUMBERED_CANDLES);
        assertThat(first.names()).hasSize(24);
        assertThat(first.body).contains("href=\"/search?q=a&amp;page=2\"", "rel=\"next\"")
                .doesNotContain("rel=\"prev\"");

        // walking the pages in name order lists every match once
        Set<String> seen = new LinkedHashSet<>();
        List<String> inOrder = new ArrayList<>();
        long pages = (total + 23) / 24;
        for (long page = 1; page <= pages; page++) {
            Response response = get("/search?q=a&page=" + page);
            assertThat(response.status).isEqualTo(200);
            assertThat(response.names()).hasSize((int) Math.min(24, total - (page - 1) * 24));
            seen.addAll(response.all(CARD_URL));
            inOrder.addAll(response.names());
        }
        assertThat(seen).hasSize((int) total);
        List<String> sorted = new ArrayList<>(inOrder);
        sorted.sort(BY_NAME);
        assertThat(inOrder).isEqualTo(sorted);
        Response last = get("/search?q=a&page=" + pages);
        assertThat(last.body).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void categoryPagesAreShown24AtATimeWithPageLinksKeepingTheSortAndSearch() throws Exception {
        Response first = get(CANDLES + "?sort=price%20desc");
        assertThat(first.status).isEqualTo(200);
        long total = first.total();
        assertThat(total).isGreaterThanOrEqualTo(NUMBERED_CANDLES + 2);
        assertThat(first.names()).hasSize(24).contains("Numbered Pillar Candle 60");
        assertThat(first.body).contains("href=\"" + CANDLES + "?sort=price+desc&amp;page=2\"");

        List<Double> prices = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        long pages = (total + 23) / 24;
        for (long page = 1; page <= pages; page++) {
            Response response = get(CANDLES + "?sort=price+desc&page=" + page);
            seen.addAll(response.all(CARD_URL));
            for (String price : response.all(CARD_PRICE)) {
                prices.add(Double.parseDouble(price));
            }
        }
        assertThat(seen).hasSize((int) total);
        assertThat(prices).hasSize((int) total).isSortedAccordingTo((a, b) -> Double.compare(b, a));

        Response narrowed = get(CANDLES + "?q=pillar&page=2&sort=name+asc");
        assertThat(narrowed.status).isEqualTo(200);
        assertThat(narrowed.total()).isEqualTo(NUMBERED_CANDLES);
        assertThat(narrowed.names()).hasSize(24);
        assertThat(narrowed.body).contains("href=\"" + CANDLES + "?q=pillar&amp;sort=name+asc&amp;page=3\"");
    }

    @Test
    void pageThatIsNotANumberIsABadRequestNotServerError() throws Exception {
        for (String path : new String[] {"/search?q=a&page=abc", CANDLES + "?page=abc", "/search?q=a&page=0",
                CANDLES + "?page=-3"}) {
            Response response = get(path);
            assertThat(response.status).as(path).isEqualTo(400);
            assertThat(response.body).contains("A page number is a whole number from 1 up.").doesNotContain("Exception");
        }
    }

    @Test
    void pagePastTheLastIsNotFoundNotServerError() throws Exception {
        for (String path : new String[] {CANDLES + "?page=99999999999", "/search?q=a&page=99999999999",
                "/search?q=a&page=1000", "/search?q=zzzznothing&page=2"}) {
            assertThat(get(path).status).as(path).isEqualTo(404);
        }
        assertThat(get("/search?q=zzzznothing").body).contains("Nothing matched your search");
    }

    @Test
    void sortByNameOrPriceIsServedAndAnUnknownSortIsABadRequestNotServerError() throws Exception {
        Response byName = get("/search?q=a&sort=name%20asc");
        assertThat(byName.status).isEqualTo(200);
        List<String> names = byName.names();
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(BY_NAME);
        assertThat(names).hasSize(24).isEqualTo(sorted);

        Response byPrice = get(CANDLES + "?sort=price%20desc");
        assertThat(byPrice.status).isEqualTo(200);

        Response unknown = get("/search?q=a&sort=popularity%20desc");
        assertThat(unknown.status).isEqualTo(400);
        assertThat(unknown.body).contains("Products can be sorted by name asc");
    }

    @Test
    void searchWithinACategoryIsServedNotServerError() throws Exception {
        Response none = get(CANDLES + "?q=abc");
        assertThat(none.status).isEqualTo(200);
        assertThat(none.body).contains("Nothing in this category matches your search");
        assertThat(get(CANDLES + "?q=pillar").total()).isEqualTo(NUMBERED_CANDLES);
    }

    @Test
    void overlongSearchIsABadRequestNotServerError() throws Exception {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            query.append('a');
        }
        Response response = get("/search?q=" + query);
        assertThat(response.status).isEqualTo(400);
        assertThat(response.body).contains("Search for at most 100 characters");
    }

    @Test
    void eventsPostWithoutSessionIsForbiddenNotServerError() throws Exception {
        for (String path : new String[] {"/shelfwise/api/events", "/shelfwise/cart/add-together", "/cart/add",
                "/cart/updateQuantity", "/cart/remove", "/checkout", "/register", "/privacy", "/login_post"}) {
            Response response = fetch("POST", path);
            assertThat(response.status).as(path).isEqualTo(403);
            assertThat(response.body).as(path).contains("This form has expired");
        }
        // with a session but without its token, the beacon is refused too
        try (ShopperSession shopper = new ShopperSession(baseUrl)) {
            shopper.get("/");
            assertThat(shopper.postRaw("/shelfwise/api/events", "type", "click", "placement", "home-trending",
                    "item", "14", "version", "pop@1").status).isEqualTo(403);
        }
    }

    @Test
    void floodOfBadRequestsLeavesAFewLogLinesAndNoStackTrace() throws Exception {
        try (CapturedLog log = CapturedLog.start()) {
            for (int i = 0; i < 100; i++) {
                assertThat(fetch("POST", "/shelfwise/api/events").status).isEqualTo(403);
                assertThat(get("/search?q=a&page=abc").status).isEqualTo(400);
                assertThat(get(CANDLES + "?sort=price").status).isEqualTo(400);
                assertThat(get(CANDLES + "?page=99999999999").status).isEqualTo(404);
            }
            assertThat(log.lines()).noneMatch(line -> line.stackTrace);
            assertThat(log.from("CsrfTokenFilter").size()).isLessThanOrEqualTo(1);
            assertThat(log.lines()).noneMatch(line -> line.message != null && line.message.contains("Servlet.service"));
        }
    }

    @Test
    void registeringWithAnotherCustomersIdDoesNotTakeOverTheirAccount() throws Exception {
        // Broadleaf's form binds a whole Customer: customer.id=N registered over customer N (orders, sign-in)
        for (int id = 1; id <= 3; id++) {
            try (ShopperSession attacker = new ShopperSession(baseUrl)) {
                attacker.get("/register");
                ShopperSession.Page registered = attacker.post("/register", "customer.id", Integer.toString(id),
                        "customer.registered", "true", "customer.emailAddress", "attacker" + id + "@example.test",
                        "customer.firstName", "Eve", "customer.lastName", "Attacker", "password", "secret1",
                        "passwordConfirm", "secret1");
                assertThat(registered.status).as("registration").isEqualTo(302);
                ShopperSession.Page account = attacker.get("/account");
                assertThat(account.body).contains("attacker" + id + "@example.test")
                        .contains("You have not placed an order yet.");
            }
        }
        // the seeded customers still sign in, and still see their own orders
        try (ShopperSession owner = new ShopperSession(baseUrl)) {
            owner.get("/login");
            ShopperSession.Page login = owner.post("/login_post", "username", "customer17850@shelfwise.test",
                    "password", "shopper");
            assertThat(login.location).doesNotContain("error");
            assertThat(owner.get("/account").body).contains("customer17850@shelfwise.test")
                    .doesNotContain("You have not placed an order yet.");
        }
    }

    @Test
    void aRegistrationThatFailsValidationLeavesTheBasketWorking() throws Exception {
        try (ShopperSession shopper = new ShopperSession(baseUrl)) {
            ShopperSession.Page candles = shopper.get(CANDLES);
            String product = candles.find("name=\"productId\" value=\"(\\d+)\"");
            shopper.get("/register");
            // the passwords differ: the form comes back with a message; it used to leave the guest with a user name,
            // after which every add to basket was a server error
            ShopperSession.Page refused = shopper.post("/register", "customer.emailAddress", "guest@example.test",
                    "customer.firstName", "G", "customer.lastName", "Uest", "password", "one-secret",
                    "passwordConfirm", "another-secret");
            assertThat(refused.status).isEqualTo(200);
            ShopperSession.Page added = shopper.post("/cart/add", "productId", product, "quantity", "2");
            assertThat(added.status).isEqualTo(302);
            assertThat(shopper.get("/cart").body).contains("Added to your basket");
        }
    }

    @Test
    void aFailedSignInWithAStrangeDestinationGoesBackToTheSignInPageNotServerError() throws Exception {
        for (String destination : new String[] {"a%b", "%", "/cart\r\nX-Injected: 1", "http://elsewhere.example/",
                "//elsewhere.example/", "\u00e9t\u00e9\ud83d\ude00", RequestFuzz.repeat("x", 9000), "/cart"}) {
            try (ShopperSession shopper = new ShopperSession(baseUrl)) {
                shopper.get("/login");
                ShopperSession.Page answer = shopper.post("/login_post", "username", "nobody@example.test",
                        "password", "wrong", "successUrl", destination);
                assertThat(answer.status).as(destination).isEqualTo(302);
                assertThat(answer.location).as(destination).contains("/login?error=true")
                        .doesNotContain("elsewhere").doesNotContain("X-Injected");
            }
        }
    }

    @Test
    void changingALineThatIsNotInTheBasketIsAMessageNotALoggedWorkflowError() throws Exception {
        try (CapturedLog log = CapturedLog.start(); ShopperSession shopper = new ShopperSession(baseUrl)) {
            shopper.get(CANDLES);
            for (String path : new String[] {"/cart/updateQuantity", "/cart/remove"}) {
                ShopperSession.Page answer = shopper.post(path, "orderItemId", "14", "quantity", "1");
                assertThat(answer.status).as(path).isEqualTo(302);
                assertThat(shopper.get("/cart").body).as(path).contains("That line is not in your basket");
            }
            assertThat(log.lines()).noneMatch(line -> line.stackTrace);
        }
    }

    @Test
    void containerRefusalsShowNoExceptionOrServerVersion() throws Exception {
        URI base = URI.create(baseUrl);
        RawHttp http = new RawHttp(base.getHost(), base.getPort(), 30_000);
        // characters Tomcat refuses in a request target: answered by Tomcat itself, before any application
        for (String target : new String[] {"/cart?a[b]=1", "/admin/shelfwise/models?a{b}=1", "/%", "/search?q=a|b"}) {
            RawHttp.Response answer = http.send("GET", target, null, null, null, null);
            assertThat(answer.status).as(target).isEqualTo(400);
            assertThat(answer.text()).as(target).doesNotContain("Exception").doesNotContain("\tat ")
                    .doesNotContain("Apache Tomcat/");
        }
    }

    @Test
    void aMadeUpMethodOverrideInTheAdminIsIgnoredNotNotImplemented() throws Exception {
        try (ShopperSession admin = new ShopperSession(baseUrl)) {
            admin.get("/admin/login");
            assertThat(admin.post("/admin/login_admin_post", "j_username", "admin", "j_password", "admin").location)
                    .doesNotContain("login_error");
            admin.get("/admin/shelfwise/models");
            for (String method : new String[] {"<script>", "\ud800", "FOO", "delete"}) {
                ShopperSession.Page answer = admin.post("/admin/shelfwise/models/rollback", "slot", "a..b",
                        "_method", method);
                assertThat(answer.status).as(method).isBetween(200, 499);
            }
        }
    }

    @Test
    void anOverlongRegistrationIsRefusedWithAMessageNotAStackOverflow() throws Exception {
        try (ShopperSession shopper = new ShopperSession(baseUrl)) {
            shopper.get("/register");
            ShopperSession.Page refused = shopper.post("/register", "customer.emailAddress",
                    RequestFuzz.repeat("a", 3000) + "@example.test", "customer.firstName", "A", "customer.lastName",
                    "B", "password", "secret1", "passwordConfirm", "secret1");
            assertThat(refused.status).isEqualTo(200);
            assertThat(refused.body).contains("An e-mail address is at most 254 characters");
        }
    }

    @Test
    void addingAnUnknownProductIsAMessageNotALoggedWorkflowError() throws Exception {
        try (CapturedLog log = CapturedLog.start(); ShopperSession shopper = new ShopperSession(baseUrl)) {
            shopper.get(CANDLES);
            for (String id : new String[] {"0", "-9223372036854775808", "99999999"}) {
                ShopperSession.Page answer = shopper.post("/cart/add", "productId", id, "quantity", "1");
                assertThat(answer.status).as(id).isEqualTo(302);
                assertThat(shopper.get("/cart").body).as(id).contains("That product cannot be added to your basket");
            }
            for (String id : new String[] {"0", "99999999"}) {
                assertThat(shopper.post("/shelfwise/cart/add-together", "productIds", id).status).as(id)
                        .isEqualTo(302);
            }
            assertThat(log.lines()).noneMatch(line -> line.stackTrace);
        }
    }
}
