package io.shelfwise.demo;

import org.apache.http.HttpResponse;
import org.apache.http.NameValuePair;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpUriRequest;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.BasicCookieStore;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.message.BasicNameValuePair;
import org.apache.http.util.EntityUtils;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's worth of HTTP against the running demo store: its own cookies, redirects not followed (tests
 * check them), and the CSRF token of the last page that had a form sent with every POST, as a browser would.
 */
final class ShopperSession implements AutoCloseable {

    private static final Pattern CSRF = Pattern.compile("name=\"csrfToken\" value=\"([^\"]+)\"");

    /** A response: status, body and the redirect target, if any. */
    static final class Page {
        final int status;
        final String body;
        final String location;

        Page(int status, String body, String location) {
            this.status = status;
            this.body = body;
            this.location = location;
        }

        /** First group of the first match of a regular expression in the body. */
        String find(String regex) {
            Matcher m = Pattern.compile(regex).matcher(body);
            if (!m.find()) {
                throw new AssertionError("No match for " + regex + " in:\n" + body);
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + (location == null ? "" : " -> " + location);
        }
    }

    private final String baseUrl;
    private final BasicCookieStore cookies = new BasicCookieStore();
    private final CloseableHttpClient client;
    private String csrfToken;

    ShopperSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClients.custom().setDefaultCookieStore(cookies)
                .disableRedirectHandling().build();
    }

    /** The CSRF token of the last page that had one (the login page's, at first), or {@code null}. */
    String csrfToken() {
        return csrfToken;
    }

    /** The value of a cookie the store set, or {@code null}. */
    String cookie(String name) {
        for (org.apache.http.cookie.Cookie cookie : cookies.getCookies()) {
            if (cookie.getName().equals(name)) {
                return cookie.getValue();
            }
        }
        return null;
    }

    Page get(String path) throws IOException {
        return execute(new HttpGet(baseUrl + path));
    }

    /** GETs with one extra request header (e.g. {@code Sec-GPC: 1}). */
    Page get(String path, String header, String value) throws IOException {
        HttpGet get = new HttpGet(baseUrl + path);
        get.addHeader(header, value);
        return execute(get);
    }

    /** GETs, following redirects within the store (at most five). */
    Page follow(String path) throws IOException {
        Page page = get(path);
        for (int i = 0; i < 5 && page.location != null; i++) {
            page = get(page.location.startsWith(baseUrl) ? page.location.substring(baseUrl.length()) : page.location);
        }
        return page;
    }

    /** POSTs a form with the session's CSRF token added. */
    Page post(String path, String... nameValues) throws IOException {
        List<String> fields = new ArrayList<>();
        fields.add("csrfToken");
        fields.add(csrfToken == null ? "" : csrfToken);
        for (String field : nameValues) {
            fields.add(field);
        }
        return postRaw(path, fields.toArray(new String[0]));
    }

    /** POSTs exactly the given fields (no CSRF token unless given). */
    Page postRaw(String path, String... nameValues) throws IOException {
        List<NameValuePair> form = new ArrayList<>();
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            form.add(new BasicNameValuePair(nameValues[i], nameValues[i + 1]));
        }
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
        return execute(post);
    }

    /**
     * POSTs a {@code multipart/form-data} form as a browser sends a file input: the text fields, then the file
     * under {@code fileField}. Exactly what is given (no CSRF token added: put it in the path's query string, where
     * the admin's form has it).
     */
    Page postFile(String path, String fileField, String fileName, byte[] content, String... nameValues)
            throws IOException {
        String boundary = "----shelfwise-test-" + Long.toHexString(System.nanoTime());
        ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 1024);
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + nameValues[i] + "\"\r\n\r\n"
                    + nameValues[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpPost post = new HttpPost(baseUrl + path);
        post.setEntity(new ByteArrayEntity(body.toByteArray(),
                ContentType.create("multipart/form-data").withParameters(
                        new BasicNameValuePair("boundary", boundary))));
        return execute(post);
    }

    private Page execute(HttpUriRequest request) throws IOException {
        HttpResponse response = client.execute(request);
        String body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
        Matcher token = CSRF.matcher(body);
        if (token.find()) {
            csrfToken = token.group(1);
        }
        String location = response.getFirstHeader("Location") == null ? null : response.getFirstHeader("Location").getValue();
        return new Page(response.getStatusLine().getStatusCode(), body, location);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
