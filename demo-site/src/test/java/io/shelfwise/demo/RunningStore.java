package io.shelfwise.demo;

import org.apache.commons.dbcp.BasicDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * A demo store (storefront and admin) running on a free port over a new data folder, with a connection pool on its
 * database for checks behind the store's back. Closing stops it and deletes the folder.
 */
final class RunningStore implements AutoCloseable {

    final StoreServer server;
    final BasicDataSource database;
    private final Path dataDir;

    private RunningStore(Path dataDir, StoreServer server, BasicDataSource database) {
        this.dataDir = dataDir;
        this.server = server;
        this.database = database;
    }

    /** Starts a store seeded from {@code seed}; {@code name} names its temporary folder. */
    static RunningStore start(String name, Path seed) throws Exception {
        Path dataDir = Files.createTempDirectory("shelfwise-" + name + "-test");
        DemoSettings settings = DemoSettings.of(dataDir, DemoSiteProcess.freePort(), seed.toAbsolutePath());
        StoreServer server = StoreServer.start(settings, true);
        BasicDataSource database = new BasicDataSource();
        database.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
        database.setUrl(settings.jdbcUrl());
        database.setUsername("SA");
        database.setPassword("");
        return new RunningStore(dataDir, server, database);
    }

    /** The whole online-retail file of ../shared/data, from the module's or the repository's folder. */
    static Path retailFile() {
        Path seed = Paths.get("..", "..", "shared", "data", "online-retail", "transactions.csv");
        return Files.exists(seed) ? seed : Paths.get("..", "shared", "data", "online-retail", "transactions.csv");
    }

    /** A new browser's worth of HTTP against the store. */
    ShopperSession session() {
        return new ShopperSession("http://localhost:" + server.port());
    }

    /** Stops whatever of {@code store} was started (it may be {@code null}) and deletes its folder. */
    static void stop(RunningStore store) throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Override
    public void close() throws Exception {
        try {
            server.close();
        } finally {
            database.close();
            DemoSettings.of(dataDir, 0, null).reset();
        }
    }
}
