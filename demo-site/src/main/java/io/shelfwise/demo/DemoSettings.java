package io.shelfwise.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where the demo store keeps its data and how it is reached, handed to Broadleaf's property files as system
 * properties ({@code shelfwise.demo.*}, read by {@code runtime-properties/common-shared.properties}).
 * Immutable; {@link #apply()} is the one place that writes system properties.
 */
public final class DemoSettings {

    /** System property Broadleaf's persistence units read their hbm2ddl action from. */
    static final String SCHEMA_ACTION_PROPERTY = "shelfwise.demo.schema.action";

    private final Path dataDir;
    private final int port;
    private final Path seedFile;

    private DemoSettings(Path dataDir, int port, Path seedFile) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
        this.port = port;
        this.seedFile = seedFile == null ? null : seedFile.toAbsolutePath().normalize();
    }

    /**
     * @param dataDir  folder for the HSQLDB files and assets; created if missing
     * @param port     HTTP port, 1..65535, or 0 for any free port (the launcher fills it in once bound)
     * @param seedFile the online-retail transactions file to seed an empty store from, or {@code null}
     */
    public static DemoSettings of(Path dataDir, int port, Path seedFile) {
        if (dataDir == null) {
            throw new IllegalArgumentException("dataDir is required");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 1 and 65535 (or 0 for a free port), was " + port);
        }
        return new DemoSettings(dataDir, port, seedFile);
    }

    public DemoSettings withPort(int newPort) {
        return of(dataDir, newPort, seedFile);
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port() {
        return port;
    }

    /** The transactions file to seed from, or {@code null} when none was given. */
    public Path seedFile() {
        return seedFile;
    }

    Path databaseDir() {
        return dataDir.resolve("db");
    }

    /** True when the database files exist, i.e. this is not the first start on this data folder. */
    public boolean databaseExists() {
        return Files.exists(databaseDir().resolve("store.script")) || Files.exists(databaseDir().resolve("store.properties"));
    }

    public String jdbcUrl() {
        return "jdbc:hsqldb:file:" + databaseDir().resolve("store").toString().replace('\\', '/')
                + ";shutdown=true;hsqldb.write_delay=false;sql.syntax_mys=false";
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Deletes the data folder, so the next start creates and seeds a new store. */
    public void reset() throws IOException {
        if (!Files.exists(dataDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    /**
     * Publishes the settings as the system properties Broadleaf's configuration reads. The schema is created
     * (and Broadleaf's import files run) only when no database exists yet; otherwise it is updated in place.
     */
    public void apply() throws IOException {
        Files.createDirectories(databaseDir());
        Files.createDirectories(dataDir.resolve("assets"));
        Files.createDirectories(dataDir.resolve("tmp"));
        System.setProperty(SCHEMA_ACTION_PROPERTY, databaseExists() ? "update" : "create");
        System.setProperty("shelfwise.demo.jdbc.url", jdbcUrl());
        System.setProperty("shelfwise.demo.data.dir", dataDir.toString());
        System.setProperty("shelfwise.demo.base.url", baseUrl());
        System.setProperty("shelfwise.demo.seed.file", seedFile == null ? "" : seedFile.toString());
        System.setProperty("shelfwise.demo.remember.me.key", rememberMeKey());
        if (System.getProperty("runtime.environment") == null) {
            System.setProperty("runtime.environment", "development");
        }
    }

    /** A random key per data folder for remember-me cookies, made on first start and kept (never in git). */
    private String rememberMeKey() throws IOException {
        Path file = dataDir.resolve("remember-me.key");
        if (!Files.exists(file)) {
            Files.write(file, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        }
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).trim();
    }

    /** The default data folder: {@code demo-site/data} below the working directory of the launcher. */
    public static Path defaultDataDir() {
        return Paths.get("demo-site", "data");
    }
}
