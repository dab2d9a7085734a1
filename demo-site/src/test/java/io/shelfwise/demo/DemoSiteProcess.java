package io.shelfwise.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo site ({@link DemoSite#main}) in a JVM of its own, with the launcher's JVM flags, on a free port.
 * {@link #close()} stops it the way Ctrl-C does (the shutdown hook closes Tomcat and the database).
 */
final class DemoSiteProcess implements AutoCloseable {

    private static final long START_TIMEOUT_SECONDS = 240;

    private final Process process;
    private final int port;
    private final StringBuffer output = new StringBuffer();

    private DemoSiteProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static DemoSiteProcess start(Path dataDir, Path seedFile) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList("--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
                "--add-opens", "java.base/java.text=ALL-UNNAMED",
                "--add-opens", "java.desktop/java.beans=ALL-UNNAMED", "-Xmx1g"));
        command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), DemoSite.class.getName(),
                "--port", Integer.toString(port), "--data-dir", dataDir.toString(),
                "--seed-file", seedFile.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        DemoSiteProcess demo = new DemoSiteProcess(process, port);
        demo.awaitReady();
        return demo;
    }

    private void awaitReady() throws Exception {
        final Object ready = new Object();
        final boolean[] seen = {false};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.append(line).append('\n');
                    if (line.contains("is ready after")) {
                        synchronized (ready) {
                            seen[0] = true;
                            ready.notifyAll();
                        }
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
            synchronized (ready) {
                ready.notifyAll();
            }
        }, "demo-site-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        synchronized (ready) {
            while (!seen[0] && process.isAlive() && System.nanoTime() < deadline) {
                ready.wait(1000);
            }
        }
        if (!seen[0]) {
            process.destroyForcibly();
            throw new IllegalStateException("The demo site did not start:\n" + output);
        }
    }

    /** A TCP port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    String output() {
        return output.toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
