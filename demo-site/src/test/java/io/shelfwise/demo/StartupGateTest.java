package io.shelfwise.demo;

import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate on a real embedded Tomcat with no web application deployed yet, which is what a request meets while the
 * store's storefront is starting: Tomcat alone would answer 404.
 */
class StartupGateTest {

    private Path baseDir;
    private Tomcat tomcat;
    private StartupGate gate;

    @BeforeEach
    void startTomcat() throws Exception {
        baseDir = Files.createTempDirectory("shelfwise-gate-test");
        tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector("HTTP/1.1");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        gate = new StartupGate();
        tomcat.getHost().getPipeline().addValve(gate);
        tomcat.start();
    }

    @AfterEach
    void stopTomcat() throws Exception {
        tomcat.stop();
        tomcat.destroy();
        DemoSettings.of(baseDir, 0, null).reset();
    }

    private HttpURLConnection get(String path) throws IOException {
        URL url = new URL("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + path);
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        connection.setInstanceFollowRedirects(false);
        return connection;
    }

    private static String body(HttpURLConnection connection) throws IOException {
        InputStream in = connection.getResponseCode() >= 400 ? connection.getErrorStream() : connection.getInputStream();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n; in != null && (n = in.read(buffer)) > 0; ) {
            out.write(buffer, 0, n);
        }
        return new String(out.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void requestWhileTheStoreStartsGets503WithRetryAfterNotNotFound() throws Exception {
        for (String path : new String[] {"/", "/candles-lighting?page=2", "/admin/login"}) {
            HttpURLConnection connection = get(path);
            assertThat(connection.getResponseCode()).as(path).isEqualTo(503);
            assertThat(connection.getHeaderField("Retry-After")).isEqualTo(Integer.toString(StartupGate.RETRY_AFTER_SECONDS));
            assertThat(connection.getHeaderField("Cache-Control")).isEqualTo("no-store");
            assertThat(connection.getContentType()).startsWith("text/html");
            assertThat(body(connection)).contains("The store is starting").doesNotContain("Apache Tomcat");
        }
    }

    @Test
    void openGateStepsAside() throws Exception {
        gate.open();
        HttpURLConnection connection = get("/");
        // no web application here: Tomcat's own answer comes through
        assertThat(connection.getResponseCode()).isEqualTo(404);
        assertThat(connection.getHeaderField("Retry-After")).isNull();
    }
}
