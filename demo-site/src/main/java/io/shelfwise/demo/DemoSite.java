package io.shelfwise.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Command line entry of the demo store: {@code DemoSite [--port N] [--data-dir DIR] [--seed-file CSV] [--reset]}.
 * Starts the storefront at {@code /} and the admin console at {@code /admin} and serves until stopped.
 */
public final class DemoSite {

    private DemoSite() {
    }

    public static void main(String[] args) throws Exception {
        int port = 8080;
        Path dataDir = DemoSettings.defaultDataDir();
        Path seedFile = null;
        boolean reset = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--port":
                    port = parsePort(value(args, ++i, arg));
                    break;
                case "--data-dir":
                    dataDir = Paths.get(value(args, ++i, arg));
                    break;
                case "--seed-file":
                    seedFile = Paths.get(value(args, ++i, arg));
                    break;
                case "--reset":
                    reset = true;
                    break;
                case "--help":
                case "-h":
                    System.out.println(usage());
                    return;
                default:
                    fail("unknown option '" + arg + "'");
            }
        }
        if (seedFile != null && !Files.isReadable(seedFile)) {
            fail("the seed file " + seedFile.toAbsolutePath() + " cannot be read");
        }
        DemoSettings settings = DemoSettings.of(dataDir, port, seedFile);
        if (reset) {
            System.out.println("Resetting the store: deleting " + settings.dataDir());
            settings.reset();
        }
        long start = System.nanoTime();
        final StoreServer server = StoreServer.start(settings, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Shutdown: " + e);
            }
        }, "shelfwise-demo-shutdown"));
        System.out.printf("%nShelfwise demo store is ready after %.1f s%n  storefront: http://localhost:%d/%n"
                        + "  admin:      http://localhost:%d/admin/  (login admin / admin)%n  data:       %s%n",
                (System.nanoTime() - start) / 1e9, server.port(), server.port(), settings.dataDir());
        server.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            fail(option + " needs a value");
        }
        return args[index];
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port < 1 || port > 65535) {
                fail("--port must be between 1 and 65535, was " + text);
            }
            return port;
        } catch (NumberFormatException e) {
            fail("--port must be a number, was '" + text + "'");
            return -1;
        }
    }

    private static void fail(String message) {
        System.err.println("shelfwise demo: " + message);
        System.err.println(usage());
        System.exit(2);
    }

    static String usage() {
        return "usage: DemoSite [--port N] [--data-dir DIR] [--seed-file transactions.csv] [--reset]";
    }
}
