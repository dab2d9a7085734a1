package io.shelfwise.cli;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.apache.commons.dbcp.BasicDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvalCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EvalCommand command = new EvalCommand(new PrintStream(out), new PrintStream(new ByteArrayOutputStream()));

    @Test
    void writesTheReportWithTheAgreedKeys(@TempDir Path dir) throws Exception {
        StringBuilder sequences = new StringBuilder();
        for (int u = 1; u <= 60; u++) {
            sequences.append(u).append(' ').append(u % 7).append(' ').append(u % 5 + 10).append(' ')
                    .append(u % 3 + 20).append(' ').append(u % 4 + 30).append('\n');
        }
        Path data = dir.resolve("sequences.txt");
        Files.write(data, sequences.toString().getBytes(StandardCharsets.UTF_8));
        Path report = dir.resolve("out/report.json");

        int status = command.run(new String[] {"--dataset", "sequences:" + data, "--protocol", "leave-one-out",
                "--k", "10", "--models", "default,pop,itemknn", "--out", report.toString(), "--threads", "2"});

        assertThat(status).isZero();
        String json = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        assertThat(json).contains("\"dataset\"", "\"protocol\" : \"leave-one-out\"", "\"k\" : 10", "\"users\" : 60",
                "\"items\"", "\"name\" : \"default\"", "\"HR@10\"", "\"NDCG@10\"", "\"MRR@10\"", "\"Coverage@10\"",
                "\"trainSeconds\"");
        assertThat(out.toString()).contains("model", "HR@10", "pop", "itemknn");
    }

    @Test
    void measuresSequenceModelsAndTheirBlendWithTheDefault(@TempDir Path dir) throws Exception {
        StringBuilder sequences = new StringBuilder();
        for (int u = 1; u <= 80; u++) {
            sequences.append(u);
            for (int p = 0; p < 6; p++) {
                sequences.append(' ').append((u + 2 * p) % 15 + 1);
            }
            sequences.append('\n');
        }
        Path data = dir.resolve("sequences.txt");
        Files.write(data, sequences.toString().getBytes(StandardCharsets.UTF_8));
        Path report = dir.resolve("report.json");

        int status = command.run(new String[] {"--dataset", "sequences:" + data, "--models", "gru,sasrec,default+gru",
                "--out", report.toString(), "--threads", "1"});

        assertThat(status).isZero();
        String json = new String(Files.readAllBytes(report), StandardCharsets.UTF_8);
        assertThat(json).contains("\"name\" : \"gru\"", "\"name\" : \"sasrec\"", "\"name\" : \"default+gru\"",
                "\"HR@10\"", "\"NDCG@10\"", "\"trainSeconds\"", "\"sequenceWeight\"", "\"architecture\" : \"sasrec\"");
    }

    @Test
    void badCommandLinesSayWhatToChange(@TempDir Path dir) {
        assertThatThrownBy(() -> command.run(new String[] {"--models", "pop"})).hasMessage("--dataset is required");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "sequences:" + dir.resolve("none.txt")}))
                .hasMessageContaining("Cannot read the dataset file");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "x", "--models", "magic"}))
                .hasMessageContaining("Unknown model 'magic'");
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "x", "--k", "0"}))
                .hasMessageContaining("--k must be between 1 and 1000");
        assertThatThrownBy(() -> command.run(new String[] {"--colour", "red"})).hasMessageContaining("Unknown option --colour");
    }

    @Test
    void evaluatesTheStoresOwnEventStoreByUrlOrDemoFolderEvenWhileItIsInUse(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("data/db");
        String url = "jdbc:hsqldb:file:" + db.resolve("store").toAbsolutePath().toString().replace('\\', '/')
                + ";shutdown=true";
        BasicDataSource dataSource = new BasicDataSource();
        dataSource.setUrl(url);
        dataSource.setUsername("SA");
        dataSource.setPassword("");
        ShelfwiseSchema.migrate(dataSource);
        List<InteractionEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-01T10:00:00Z");
        for (int shopper = 1; shopper <= 60; shopper++) {
            int[] items = {shopper % 7, shopper % 5 + 10, shopper % 3 + 20, shopper % 4 + 30};
            for (int p = 0; p < items.length; p++) {
                events.add(InteractionEvent.builder(p == 3 ? EventType.CART_ADD : EventType.PRODUCT_VIEW,
                        ShopperKey.customer(shopper), start.plusSeconds(shopper * 100L + p)).item("sku" + items[p]).quantity(1)
                        .build());
            }
            // searches carry no item: not part of a history
            events.add(InteractionEvent.builder(EventType.SEARCH, ShopperKey.customer(shopper),
                    start.plusSeconds(shopper * 100L + 9)).query("lamp", 3).build());
        }
        new JdbcEventStore(dataSource, Clock.systemUTC()).append(events);
        dataSource.close();

        Path byUrl = dir.resolve("url.json");
        assertThat(command.run(new String[] {"--dataset", "events:" + url, "--models", "pop,default", "--out",
                byUrl.toString()})).isZero();
        String json = new String(Files.readAllBytes(byUrl), StandardCharsets.UTF_8);
        assertThat(json).contains("\"users\" : 60", "\"items\" : 19", "\"name\" : \"default\"");

        // a running demo holds the lock file: the command reads a copy and leaves the store as it was
        Path lock = db.resolve("store.lck");
        Files.write(lock, new byte[] {1, 2, 3});
        Path byFolder = dir.resolve("folder.json");
        assertThat(command.run(new String[] {"--dataset", "events:" + dir.resolve("data"), "--models", "pop",
                "--out", byFolder.toString()})).isZero();
        assertThat(new String(Files.readAllBytes(byFolder), StandardCharsets.UTF_8)).contains("\"users\" : 60");
        assertThat(Files.readAllBytes(lock)).containsExactly(1, 2, 3);

        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "events:" + dir.resolve("nothing")}))
                .isInstanceOf(UsageException.class).hasMessageContaining("has no database");
        Path empty = dir.resolve("empty/db");
        String emptyUrl = "jdbc:hsqldb:file:" + empty.resolve("store").toAbsolutePath().toString().replace('\\', '/')
                + ";shutdown=true";
        assertThatThrownBy(() -> command.run(new String[] {"--dataset", "events:" + emptyUrl}))
                .isInstanceOf(UsageException.class).hasMessageContaining("Cannot read the event store");
    }
}
