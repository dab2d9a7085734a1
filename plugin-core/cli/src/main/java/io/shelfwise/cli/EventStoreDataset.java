package io.shelfwise.cli;

import io.shelfwise.events.store.EventStoreException;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.recommend.data.InteractionData;
import io.shelfwise.recommend.training.EventHistoryLoader;
import org.apache.commons.dbcp.BasicDataSource;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code --dataset events:JDBC_URL} or {@code events:DEMO_DATA_DIR}: the histories a store's own training reads
 * (each shopper's views, cart adds, purchases and ratings, in time order; see {@link EventHistoryLoader}), from
 * the plugin's event store. A demo data folder (what {@code ./shelfwise demo --data-dir} names, default
 * {@code demo-site/data}) is opened from a copy when the running demo holds the database's lock, so a store can
 * be evaluated while it serves.
 */
final class EventStoreDataset {

    private final PrintStream err;

    EventStoreDataset(PrintStream err) {
        this.err = err;
    }

    InteractionData load(String location, String user, String password) throws IOException {
        if (location.startsWith("jdbc:")) {
            return read(location, user, password);
        }
        Path dir = Paths.get(location);
        Path db = dir.resolve("db");
        if (!Files.exists(db.resolve("store.script")) && !Files.exists(db.resolve("store.properties"))) {
            throw new UsageException("--dataset events: takes a JDBC URL or a demo data folder; " + dir.toAbsolutePath()
                    + " has no database (db/store.*)");
        }
        if (!Files.exists(db.resolve("store.lck"))) {
            return read(hsqldbUrl(db), "SA", "");
        }
        Path copy = Files.createTempDirectory("shelfwise-events-");
        try {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(db, "store.*")) {
                for (Path file : files) {
                    if (!file.getFileName().toString().equals("store.lck") && Files.isRegularFile(file)) {
                        Files.copy(file, copy.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            err.println("The store's database is in use (the demo is running?): reading a copy of it");
            return read(hsqldbUrl(copy), "SA", "");
        } finally {
            deleteQuietly(copy);
        }
    }

    private static String hsqldbUrl(Path db) {
        return "jdbc:hsqldb:file:" + db.resolve("store").toAbsolutePath().toString().replace('\\', '/')
                + ";ifexists=true;shutdown=true";
    }

    private static InteractionData read(String url, String user, String password) {
        BasicDataSource dataSource = new BasicDataSource();
        dataSource.setUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword(password);
        try {
            JdbcEventStore store = new JdbcEventStore(dataSource, Clock.systemUTC());
            EventHistoryLoader loader = new EventHistoryLoader(store);
            Instant latest = loader.latest();
            if (latest == null) {
                throw new UsageException("The event store at " + url + " holds no events yet");
            }
            return loader.load("default", Instant.EPOCH, latest.plusSeconds(1));
        } catch (EventStoreException e) {
            throw new UsageException("Cannot read the event store at " + url + ": " + rootMessage(e));
        } finally {
            try {
                dataSource.close();
            } catch (SQLException ignored) {
                // nothing was kept open
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary copy left behind is harmless
        }
    }
}
