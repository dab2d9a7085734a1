package io.shelfwise.events.store;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.apache.commons.dbcp.BasicDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check that an acknowledged HSQLDB commit reached its log, on a real file database: a disk that fills during
 * the commit leaves the log grown but cut part-way through the batch, which a restart drops.
 */
class HsqldbFilesTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");

    @TempDir
    Path dir;

    private BasicDataSource ds;
    private HsqldbFiles files;

    @BeforeEach
    void openFileDatabase() throws SQLException {
        ds = new BasicDataSource();
        ds.setDriverClassName("org.hsqldb.jdbc.JDBCDriver");
        ds.setUrl("jdbc:hsqldb:file:" + dir.resolve("store") + ";hsqldb.write_delay=false");
        ds.setUsername("SA");
        ds.setPassword("");
        ShelfwiseSchema.migrate(ds);
        try (Connection connection = ds.getConnection()) {
            files = HsqldbFiles.of(connection);
        }
        assertThat(files).as("a file HSQLDB that logs each commit").isNotNull();
    }

    @AfterEach
    void close() throws SQLException {
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        ds.close();
    }

    @Test
    void aWholeCommittedBatchIsLogged() throws SQLException {
        HsqldbFiles.Mark before = files.mark();
        long lastId = append(200);

        assertThat(files.logged(before, 200, lastId)).isTrue();
        assertThat(files.logged(before, 200, -1)).as("ids unknown: the log grew").isTrue();
    }

    @Test
    void aLogCutBeforeTheCommitIsNotLogged() throws SQLException, IOException {
        HsqldbFiles.Mark before = files.mark();
        long lastId = append(200);
        long size = Files.size(files.log());
        String written = new String(Files.readAllBytes(files.log()), StandardCharsets.ISO_8859_1)
                .substring((int) before.logSize);
        int commit = written.lastIndexOf("COMMIT");
        assertThat(commit).isPositive();

        cut(files.log(), before.logSize + commit); // the last line the disk took was the last insert
        assertThat(files.logged(before, 200, lastId)).as("no COMMIT after the batch").isFalse();

        cut(files.log(), before.logSize + written.indexOf("VALUES(" + lastId + ",") + 3);
        assertThat(files.logged(before, 200, lastId)).as("the last insert cut part-way").isFalse();
        assertThat(Files.size(files.log())).isLessThan(size);
    }

    @Test
    void aLogThatDidNotGrowIsNotLogged() throws SQLException {
        long lastId = append(10);
        HsqldbFiles.Mark after = files.mark();

        assertThat(files.logged(after, 10, lastId)).isFalse();
    }

    private long append(int count) throws SQLException {
        List<InteractionEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(InteractionEvent.builder(EventType.PRODUCT_VIEW, ShopperKey.customer(12000 + i),
                    T0.plusSeconds(i)).item("8509" + i).build());
        }
        new JdbcEventStore(ds, Clock.fixed(T0, ZoneOffset.UTC)).append(events);
        try (Connection connection = ds.getConnection(); Statement statement = connection.createStatement();
             ResultSet max = statement.executeQuery("SELECT MAX(EVENT_ID) FROM SW_EVENT")) {
            max.next();
            return max.getLong(1);
        }
    }

    private static void cut(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
