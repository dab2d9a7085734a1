package io.shelfwise.demo;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo store in a JVM of its own, seeded from the whole retail file with its first models trained, under a
 * bounded fuzz of every public and admin endpoint ({@link RequestFuzz}): no request may get a server error, no
 * answer, or a stack trace, and the store's log must stay small. The table of status codes per endpoint is printed
 * and written to {@code target/request-fuzz.txt}. {@code -Dshelfwise.fuzz.requests=N} and
 * {@code -Dshelfwise.fuzz.seed=S} change the run (defaults 3000 and 1). {@code -Dshelfwise.fuzz.url=URL} runs it
 * against a store already running there (e.g. {@code ./shelfwise demo}) instead, with
 * {@code -Dshelfwise.fuzz.log=FILE} the file its output goes to (without it the log is not checked).
 */
class RequestFuzzIT {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");
    /** The log may grow by this much over the whole run: a line per problem at most, never a trace per request. */
    private static final int MAX_LOG_BYTES = 256 * 1024;

    private static Path dataDir;
    private static DemoSiteProcess store;
    private static RawHttp http;

    private static String externalLog;

    @BeforeAll
    static void startStore() throws Exception {
        String url = System.getProperty("shelfwise.fuzz.url");
        externalLog = System.getProperty("shelfwise.fuzz.log");
        if (url == null) {
            dataDir = Files.createTempDirectory("shelfwise-fuzz-test");
            store = DemoSiteProcess.start(dataDir.resolve("store"), RunningStore.retailFile().toAbsolutePath());
            url = store.baseUrl();
        }
        URI base = URI.create(url);
        http = new RawHttp(base.getHost(), base.getPort(), 60_000);
        // a new store trains its first models in the background once the imported history has settled
        for (int i = 0; i < 240; i++) {
            if (get("/shelfwise/api/recommendations?placement=home-trending", null).text().contains("trending@")) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the store's models were not trained within 4 minutes:\n" + log(0));
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
        if (dataDir != null) {
            DemoSettings.of(dataDir.resolve("store"), 0, null).reset();
            Files.deleteIfExists(dataDir);
        }
    }

    private static RawHttp.Response get(String path, Map<String, String> cookies) throws Exception {
        return http.send("GET", path, cookies, null, null, null);
    }

    @Test
    void noRequestGetsAServerErrorOrAStackTraceAndTheLogStaysSmall() throws Exception {
        int count = Integer.getInteger("shelfwise.fuzz.requests", 3000);
        long seed = Long.getLong("shelfwise.fuzz.seed", 1L);
        RequestFuzz.Knowledge knowledge = new RequestFuzz.Knowledge();
        Map<String, String> shop = new LinkedHashMap<>();
        String home = get("/", shop).text();
        knowledge.learn(home);
        assertThat(knowledge.categoryPaths).as("category links on the home page").isNotEmpty();
        knowledge.learn(get(knowledge.categoryPaths.get(0), shop).text());
        knowledge.learn(get("/shelfwise/api/recommendations?placement=home-trending&limit=20", shop).text());
        assertThat(knowledge.productPaths).as("product links").isNotEmpty();
        String shopToken = token(get(knowledge.productPaths.get(0), shop).text(), "a product page");

        Map<String, String> admin = new LinkedHashMap<>();
        String loginToken = token(get("/admin/login", admin).text(), "the admin login page");
        RawHttp.Response login = http.send("POST", "/admin/login_admin_post", admin,
                "application/x-www-form-urlencoded", ("j_username=admin&j_password=admin&csrfToken=" + loginToken)
                        .getBytes(StandardCharsets.UTF_8), null);
        assertThat(login.headers.get("location")).as("admin login").doesNotContain("login_error");
        String models = get("/admin/shelfwise/models", admin).text();
        knowledge.learnAdmin(models);
        String adminToken = token(models, "the admin's Models page");

        List<RequestFuzz.Request> requests = new RequestFuzz(knowledge, seed).generate(count, shopToken, adminToken);
        int logBefore = log(0).length();
        long started = System.nanoTime();
        List<RequestFuzz.Outcome> outcomes = RequestFuzz.run(requests, http, shop, admin);
        double seconds = (System.nanoTime() - started) / 1e9;
        String log = log(logBefore);

        String table = RequestFuzz.table(outcomes);
        String summary = String.format("Request fuzz: %d requests (seed %d) in %.0f s; the store logged %d bytes, "
                        + "%d lines, %d stack-trace lines%n", outcomes.size(), seed, seconds, log.length(),
                lines(log), traceLines(log));
        System.out.println(table + summary);
        Files.write(Paths.get("target", "request-fuzz.txt"), (table + summary).getBytes(StandardCharsets.UTF_8));
        Files.write(Paths.get("target", "request-fuzz-store.log"), log.getBytes(StandardCharsets.UTF_8));

        List<String> problems = new ArrayList<>();
        Set<String> reached = new LinkedHashSet<>();
        for (RequestFuzz.Outcome o : outcomes) {
            reached.add(o.request.endpoint);
            if (o.problem != null) {
                problems.add(o.status + " " + o.problem + ": " + o.request);
            }
        }
        Files.write(Paths.get("target", "request-fuzz-problems.txt"), problems, StandardCharsets.UTF_8);
        assertThat(reached).containsExactlyElementsOf(RequestFuzz.endpoints());
        assertThat(problems.subList(0, Math.min(30, problems.size())))
                .as(problems.size() + " requests answered with a server error, no answer or a stack trace "
                        + "(all in target/request-fuzz-problems.txt)").isEmpty();
        assertThat(log.length()).as("bytes the store logged during the fuzz; the log:\n"
                + RequestFuzz.abbreviate(log, 20000)).isLessThan(MAX_LOG_BYTES);
        assertThat(traceLines(log)).as("stack-trace lines the store logged during the fuzz (its log in "
                + "target/request-fuzz-store.log):\n" + RequestFuzz.abbreviate(log, 20000)).isZero();
    }

    /** What the store logged from character {@code from} on; empty when its log cannot be read. */
    private static String log(int from) throws java.io.IOException {
        String all = store != null ? store.output() : externalLog != null
                ? new String(Files.readAllBytes(Paths.get(externalLog)), StandardCharsets.UTF_8) : "";
        return all.length() <= from ? "" : all.substring(from);
    }

    private static String token(String page, String where) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("a CSRF token on " + where).isTrue();
        return m.group(1);
    }

    private static int lines(String log) {
        int n = 0;
        for (int i = 0; i < log.length(); i++) {
            if (log.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    private static int traceLines(String log) {
        int n = 0;
        for (String line : log.split("\n")) {
            if (line.startsWith("\tat ") || line.startsWith("Caused by: ")) {
                n++;
            }
        }
        return n;
    }
}
