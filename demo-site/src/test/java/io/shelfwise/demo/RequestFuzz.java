package io.shelfwise.demo;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded, deterministic fuzz of every storefront and admin endpoint of a running demo store, as an attacker or
 * a careless client would send them: malformed and huge ids, unknown names, long strings, invalid UTF-8 and CR/LF in
 * parameters, wrong methods and content types, missing or wrong CSRF tokens, with and without a session. The same
 * seed makes the same requests (values, order, methods); what the store answers may still differ with its state.
 * <p>
 * The endpoints are listed in {@link #ENDPOINTS}, one line each: method, path (with {@code {SLOT}}s), then the
 * parameters as {@code name:KIND}. A request names its endpoint by that line's method and path, so the table of
 * status codes per endpoint reads as the list. Not thread-safe; one run at a time.
 */
final class RequestFuzz {

    /** Method, path, parameters. Admin paths start with /admin and are sent with the admin's session. */
    static final String[] ENDPOINTS = {
            "GET /",
            "GET /search q:TEXT page:INT sort:SORT pageSize:INT",
            "GET {CATEGORY} page:INT sort:SORT q:TEXT pageSize:INT",
            "GET {PRODUCT}",
            "GET /{TEXT}",
            "GET /cart",
            "POST /cart/add productId:ID quantity:INT",
            "POST /cart/updateQuantity orderItemId:INT productId:ID quantity:INT",
            "POST /cart/remove orderItemId:INT productId:ID",
            "GET /checkout",
            "POST /checkout emailAddress:TEXT firstName:TEXT lastName:TEXT city:TEXT postalCode:TEXT "
                    + "countryCode:TEXT fulfillmentOptionId:INT",
            "GET /confirmation/{TEXT}",
            "GET /login",
            "POST /login_post username:TEXT password:TEXT successUrl:TEXT",
            "GET /register",
            "POST /register customer.emailAddress:TEXT customer.firstName:TEXT customer.lastName:TEXT customer.id:INT "
                    + "password:TEXT passwordConfirm:TEXT",
            "GET /account",
            "GET /privacy",
            "POST /privacy record:BOOL",
            "GET /error",
            "GET /shelfwise/api/recommendations placement:PLACEMENT limit:INT product:ID category:INT items:IDS "
                    + "exclude:IDS",
            "POST /shelfwise/api/events type:BEACON placement:PLACEMENT item:ID items:IDS version:VERSION "
                    + "versions:VERSIONS arm:NAME position:INT",
            "POST /shelfwise/cart/add-together productIds:IDS placement:PLACEMENT version:VERSION",
            "GET /shelfwise/static/{TEXT}",
            "GET /admin/shelfwise/models",
            "GET /admin/shelfwise/models/versions/{VERSIONID}",
            "POST /admin/shelfwise/models/train strategy:STRATEGY activate:BOOL",
            "POST /admin/shelfwise/models/versions/{VERSIONID}/cancel",
            "POST /admin/shelfwise/models/versions/{VERSIONID}/activate slot:PLACEMENT",
            "POST /admin/shelfwise/models/versions/{VERSIONID}/delete",
            "POST /admin/shelfwise/models/rollback slot:PLACEMENT",
            "POST /admin/shelfwise/models/upload strategy:STRATEGY",
            "GET /admin/shelfwise/experiments id:INT",
            "POST /admin/shelfwise/experiments name:TEXT placement:PLACEMENT armName:NAME armPercent:INT "
                    + "armVersion:INT armChain:TEXT armMaxPerCategory:INT armName:NAME armPercent:INT",
            "POST /admin/shelfwise/experiments/{INT}/start",
            "POST /admin/shelfwise/experiments/{INT}/stop",
            "POST /admin/shelfwise/experiments/{INT}/promote arm:NAME",
            "POST /admin/shelfwise/experiments/{INT}/simulate shoppers:INT A:PRICE B:PRICE",
            "GET /admin/shelfwise/tuning placement:PLACEMENT",
            "POST /admin/shelfwise/tuning/preview placement:PLACEMENT json:JSON shopper:TEXT product:ID",
            "POST /admin/shelfwise/tuning/save placement:PLACEMENT json:JSON",
            "POST /admin/shelfwise/tuning/reset placement:PLACEMENT",
            "GET /admin/shelfwise/prices status:NAME product:TEXT outside:BOOL",
            "POST /admin/shelfwise/prices/run",
            "POST /admin/shelfwise/prices/{INT}/approve price:PRICE",
            "POST /admin/shelfwise/prices/{INT}/reject note:TEXT",
            "POST /admin/shelfwise/prices/bulk action:NAME ids:IDS",
            "GET /admin/shelfwise/health",
            "GET /admin/shelfwise/health/series hours:INT",
            "GET /admin/shelfwise/privacy customer:TEXT",
            "GET /admin/shelfwise/privacy/export customer:INT",
            "POST /admin/shelfwise/privacy/erase customer:INT",
            "GET /admin/shelfwise/{TEXT}",
    };

    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"};
    private static final String[] BAD_INTS = {"0", "-1", "99999999999", "99999999999999999999999", "abc", "1.5",
            "1e9", "", "%00", "0x10", "+3", "%207", "-9223372036854775808", "9223372036854775808", "NaN", "%FF",
            "1,2", "%D9%A1%D9%A2", "1%0D%0ASet-Cookie:%20fuzz=1"};
    private static final String[] BAD_TEXTS = {"%25", "_", "%", "a%25b", "%5C", "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "%C3%28", "%FF%FE", "%ED%A0%80", "%0D%0ASet-Cookie:%20fuzz%3D1", "%00", "caf%C3%A9", "%F0%9F%98%80",
            "..%2F..%2F..%2Fetc%2Fpasswd", "%7Bx%7D", "%24%7Bjndi:ldap://x%7D", "%5B%5D", ""};
    private static final String[] BAD_NAMES = {"nope", "HOME-TRENDING", "MyModel", "%7Bx%7D", "..%2F..%2Fetc",
            "a%20b", "%FF", "a..b", "-a", "x%00", ""};
    private static final String[] SORTS = {"name%20asc", "price%20desc", "price%20asc", "name", "x%20y%20z", "'",
            "name%20asc%2Cprice%20desc", "relevance", ""};
    private static final String[] BOOLS = {"true", "false", "maybe", "1", "", "TRUE"};
    private static final String[] PRICES = {"1.99", "-1", "NaN", "Infinity", "1e308", "abc", "0", "0.001",
            "99999999999999999999"};
    private static final String[] BEACONS = {"click", "impression", "view", "", "CLICK"};

    /** What the generator knows of the store, mixed with malformed values. */
    static final class Knowledge {
        final List<String> productIds = new ArrayList<>();
        final List<String> productPaths = new ArrayList<>();
        final List<String> categoryPaths = new ArrayList<>();
        final List<String> placements = new ArrayList<>(Arrays.asList("home-trending", "home-for-you",
                "pdp-also-bought", "pdp-similar", "pdp-bought-together", "cart-complete", "search-empty"));
        final List<String> strategies = new ArrayList<>(Arrays.asList("pop", "trending", "also-bought"));
        final List<String> versions = new ArrayList<>(Arrays.asList("pop@1", "trending@1"));
        final List<String> versionIds = new ArrayList<>(Arrays.asList("1", "2", "3"));

        /** Reads ids and paths out of a storefront page's HTML or the JSON endpoint. */
        void learn(String page) {
            Matcher products = Pattern.compile("\"id\":\"(\\d+)\"|name=\"productId\" value=\"(\\d+)\"").matcher(page);
            while (products.find()) {
                addOnce(productIds, products.group(1) != null ? products.group(1) : products.group(2));
            }
            Matcher links = Pattern.compile("href=\"(/[a-z0-9-]+)(/[a-z0-9-]+)?\"").matcher(page);
            while (links.find()) {
                if (links.group(2) != null) {
                    addOnce(productPaths, links.group(1) + links.group(2));
                } else if (!Arrays.asList("/cart", "/login", "/register", "/account", "/privacy", "/search",
                        "/checkout", "/logout", "/admin").contains(links.group(1))) {
                    addOnce(categoryPaths, links.group(1));
                }
            }
            Matcher versionLabels = Pattern.compile("\"modelVersion\":\"([A-Za-z0-9._-]+@\\d+)\"").matcher(page);
            while (versionLabels.find()) {
                addOnce(versions, versionLabels.group(1));
            }
        }

        /** Reads version ids out of the admin's Models page. */
        void learnAdmin(String page) {
            Matcher ids = Pattern.compile("/admin/shelfwise/models/versions/(\\d+)").matcher(page);
            while (ids.find()) {
                addOnce(versionIds, ids.group(1));
            }
        }

        private static void addOnce(List<String> list, String value) {
            if (!list.contains(value)) {
                list.add(value);
            }
        }
    }

    /** One generated request. */
    static final class Request {
        final String endpoint;
        final String method;
        final String target;
        final String contentType;
        final byte[] body;
        final boolean withSession;

        Request(String endpoint, String method, String target, String contentType, byte[] body, boolean withSession) {
            this.endpoint = endpoint;
            this.method = method;
            this.target = target;
            this.contentType = contentType;
            this.body = body;
            this.withSession = withSession;
        }

        boolean admin() {
            return endpoint.contains(" /admin");
        }

        @Override
        public String toString() {
            return method + " " + target + (body == null ? "" : " [" + contentType + "] "
                    + abbreviate(new String(body, StandardCharsets.ISO_8859_1), 300))
                    + (withSession ? "" : " (no session)");
        }
    }

    /** A request and what the store answered. */
    static final class Outcome {
        final Request request;
        final int status;
        final String problem;

        Outcome(Request request, int status, String problem) {
            this.request = request;
            this.status = status;
            this.problem = problem;
        }
    }

    private final Knowledge knowledge;
    private final Random random;

    RequestFuzz(Knowledge knowledge, long seed) {
        this.knowledge = knowledge;
        this.random = new Random(seed);
    }

    /**
     * {@code count} requests, each endpoint in turn, with CSRF tokens for the session's forms.
     *
     * @param shopToken  the storefront session's CSRF token
     * @param adminToken the admin session's CSRF token
     */
    List<Request> generate(int count, String shopToken, String adminToken) {
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String definition = ENDPOINTS[i % ENDPOINTS.length];
            requests.add(request(definition, definition.startsWith("POST") ? adminOrShop(definition, shopToken,
                    adminToken) : null));
        }
        return requests;
    }

    private static String adminOrShop(String definition, String shopToken, String adminToken) {
        return definition.contains(" /admin") ? adminToken : shopToken;
    }

    private Request request(String definition, String token) {
        String[] parts = definition.split(" ");
        String declared = parts[0];
        String endpoint = parts[0] + " " + parts[1];
        String method = chance(0.85) ? declared : pick(METHODS);
        String path = fillPath(parts[1]);
        List<String> fields = new ArrayList<>();
        for (int p = 2; p < parts.length; p++) {
            String[] param = parts[p].split(":");
            if (chance(0.15)) {
                continue;
            }
            fields.add(param[0] + "=" + value(param[1]));
            if (chance(0.03)) {
                fields.add(param[0] + "=" + value(param[1]));
            }
        }
        if (chance(0.05)) {
            fields.add(pick(new String[] {"junk", "%FF", "a[b]", "class.classLoader", "_method"}) + "=" + pick(BAD_TEXTS));
        }
        if (token != null) {
            double dice = random.nextDouble();
            if (dice < 0.8) {
                fields.add("csrfToken=" + token);
            } else if (dice < 0.9) {
                fields.add("csrfToken=" + pick(new String[] {"", "WRONG-TOKEN", "%FF", repeat("A", 3000)}));
            }
        }
        boolean withSession = !chance(endpoint.contains(" /admin") ? 0.1 : 0.2);
        String query = String.join("&", fields);
        boolean inBody = !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS")
                && !method.equals("DELETE") && !chance(0.1);
        if (!inBody || query.isEmpty()) {
            String target = query.isEmpty() ? path : path + (path.contains("?") ? "&" : "?") + query;
            return new Request(endpoint, method, target, null, null, withSession);
        }
        String contentType = chance(0.9) ? "application/x-www-form-urlencoded"
                : pick(new String[] {"text/plain", "application/json", "multipart/form-data",
                "application/x-www-form-urlencoded; charset=nonsense"});
        return new Request(endpoint, method, path, contentType, query.getBytes(StandardCharsets.ISO_8859_1),
                withSession);
    }

    private String fillPath(String template) {
        switch (template) {
            case "{CATEGORY}":
                return chance(0.8) && !knowledge.categoryPaths.isEmpty() ? pick(knowledge.categoryPaths)
                        : "/" + pick(new String[] {"no-such-category", "%FF", "candles-lighting%00", "a%2Fb"});
            case "{PRODUCT}":
                return chance(0.8) && !knowledge.productPaths.isEmpty() ? pick(knowledge.productPaths)
                        : pick(knowledge.categoryPaths.isEmpty() ? Collections.singletonList("/x")
                        : knowledge.categoryPaths) + "/" + pick(new String[] {"no-such-product", "%C3%28", "x-0",
                        repeat("a", 2000)});
            default:
                StringBuilder path = new StringBuilder();
                Matcher slot = Pattern.compile("\\{([A-Z]+)\\}").matcher(template);
                int at = 0;
                while (slot.find()) {
                    path.append(template, at, slot.start());
                    String v = value(slot.group(1));
                    path.append(v.isEmpty() ? "x" : v);
                    at = slot.end();
                }
                return path.append(template.substring(at)).toString();
        }
    }

    /** A value of a kind, as it goes on the wire (percent-encoded where it is not deliberately broken). */
    private String value(String kind) {
        boolean valid = chance(0.45);
        switch (kind) {
            case "ID":
                return valid && !knowledge.productIds.isEmpty() ? pick(knowledge.productIds) : pick(BAD_INTS);
            case "INT":
            case "VERSIONID":
                if (kind.equals("VERSIONID") && valid) {
                    return pick(knowledge.versionIds);
                }
                return valid ? Integer.toString(1 + random.nextInt(30)) : pick(BAD_INTS);
            case "IDS":
                if (valid && !knowledge.productIds.isEmpty()) {
                    return pick(knowledge.productIds) + "%2C" + pick(knowledge.productIds);
                }
                return pick(new String[] {"1%2C%2C2", "a%2Cb", longList(201), "%2C", pick(BAD_INTS)});
            case "TEXT":
                return valid ? pick(new String[] {"heart", "lamp", "a", "candle%20holder", "Z"}) : badText();
            case "SORT":
                return pick(SORTS);
            case "BOOL":
                return pick(BOOLS);
            case "PRICE":
                return pick(PRICES);
            case "BEACON":
                return pick(BEACONS);
            case "PLACEMENT":
                return valid ? pick(knowledge.placements) : badName();
            case "STRATEGY":
                // valid names that train are kept to the cheap ones: the fuzz must not spend the run training
                return valid ? pick(new String[] {"pop", "trending"}) : badName();
            case "NAME":
                return valid ? pick(new String[] {"A", "B", "PENDING", "APPROVED", "approve", "reject"}) : badName();
            case "VERSION":
                return valid ? pick(knowledge.versions) : pick(new String[] {"pop@0", "pop@99999999999", "pop",
                        "%401", "MyModel@1", repeat("v", 70) + "@1", "pop@1%00", pick(BAD_TEXTS)});
            case "VERSIONS":
                return valid ? pick(knowledge.versions) + "%2C" + pick(knowledge.versions)
                        : pick(new String[] {"pop@1%2C", repeat("pop@1%2C", 60), "%2C%2C", badText()});
            case "JSON":
                return json(valid);
            default:
                throw new IllegalArgumentException("No value kind " + kind);
        }
    }

    private String badText() {
        double dice = random.nextDouble();
        if (dice < 0.1) {
            return repeat("a", 300 + random.nextInt(3000));
        }
        if (dice < 0.13) {
            // beyond Tomcat's request-line limit: the container itself must answer 400
            return repeat("b", 10000);
        }
        return pick(BAD_TEXTS);
    }

    private String badName() {
        double dice = random.nextDouble();
        if (dice < 0.15) {
            return repeat("n", 65 + random.nextInt(1000));
        }
        return dice < 0.3 ? badText() : pick(BAD_NAMES);
    }

    private String json(boolean valid) {
        String placement = pick(knowledge.placements);
        if (valid) {
            return encode("{\"name\":\"" + placement + "\",\"chain\":[{\"strategy\":\"" + pick(knowledge.strategies)
                    + "\",\"input\":\"none\"}],\"maxCount\":" + (random.nextInt(300) - 50) + "}");
        }
        switch (random.nextInt(6)) {
            case 0:
                return encode("{");
            case 1:
                return encode(repeat("[", 3000) + repeat("]", 3000));
            case 2:
                return encode("{\"name\":\"" + placement + "\",\"chain\":[{\"strategy\":\"../x\"}]}");
            case 3:
                return encode("{\"name\":\"" + placement + "\",\"chain\":\"pop\",\"maxCount\":1e400}");
            case 4:
                return encode("{\"name\":null}");
            default:
                return badText();
        }
    }

    private String longList(int n) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < n; i++) {
            list.append(i == 0 ? "" : "%2C").append(1 + random.nextInt(5000));
        }
        return list.toString();
    }

    private boolean chance(double p) {
        return random.nextDouble() < p;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String encode(String text) {
        try {
            return URLEncoder.encode(text, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String repeat(String s, int times) {
        StringBuilder out = new StringBuilder(s.length() * times);
        for (int i = 0; i < times; i++) {
            out.append(s);
        }
        return out.toString();
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "...(" + text.length() + " chars)";
    }

    /**
     * Sends the requests in order; a server error, no answer, or a response that shows a Java stack trace is a
     * problem.
     */
    static List<Outcome> run(List<Request> requests, RawHttp http, Map<String, String> shopCookies,
                             Map<String, String> adminCookies) throws IOException {
        List<Outcome> outcomes = new ArrayList<>(requests.size());
        for (Request request : requests) {
            Map<String, String> cookies = !request.withSession ? new LinkedHashMap<String, String>()
                    : request.admin() ? adminCookies : shopCookies;
            RawHttp.Response response = http.send(request.method, request.target, cookies, request.contentType,
                    request.body, null);
            String body = response.text();
            String problem = null;
            if (response.status >= 500 || response.status <= 0) {
                problem = response.status <= 0 ? "no answer" : "server error";
            } else if (body.contains("\tat org.") || body.contains("\tat java.") || body.contains("Exception:")) {
                problem = "a stack trace or exception in the response";
            }
            outcomes.add(new Outcome(request, response.status, problem));
        }
        return outcomes;
    }

    /** Status codes per endpoint, in the order of {@link #ENDPOINTS}, with a total line. */
    static String table(List<Outcome> outcomes) {
        Map<String, Map<Integer, Integer>> counts = new LinkedHashMap<>();
        for (String definition : ENDPOINTS) {
            String[] parts = definition.split(" ");
            counts.put(parts[0] + " " + parts[1], new TreeMap<Integer, Integer>());
        }
        Set<Integer> statuses = new TreeSet<>();
        Map<Integer, Integer> total = new TreeMap<>();
        for (Outcome o : outcomes) {
            counts.get(o.request.endpoint).merge(o.status, 1, Integer::sum);
            total.merge(o.status, 1, Integer::sum);
            statuses.add(o.status);
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format("%-56s %6s", "endpoint", "sent"));
        for (int status : statuses) {
            text.append(String.format(" %5d", status));
        }
        text.append('\n');
        counts.put("total", total);
        for (Map.Entry<String, Map<Integer, Integer>> row : counts.entrySet()) {
            int sent = 0;
            for (int n : row.getValue().values()) {
                sent += n;
            }
            text.append(String.format("%-56s %6d", abbreviate(row.getKey(), 56), sent));
            for (int status : statuses) {
                Integer n = row.getValue().get(status);
                text.append(String.format(" %5s", n == null ? "." : n.toString()));
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** The distinct endpoints of the list, to check every one was reached. */
    static Set<String> endpoints() {
        Set<String> all = new LinkedHashSet<>();
        for (String definition : ENDPOINTS) {
            String[] parts = definition.split(" ");
            all.add(parts[0] + " " + parts[1]);
        }
        return all;
    }
}
