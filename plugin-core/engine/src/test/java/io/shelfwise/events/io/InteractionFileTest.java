package io.shelfwise.events.io;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InteractionFileTest {

    private static Path write(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static List<InteractionEvent> read(Path file, InteractionFile.Report[] report) throws IOException {
        List<InteractionEvent> events = new ArrayList<>();
        report[0] = InteractionFile.read(file, events::add);
        return events;
    }

    @Test
    void sequencesKeepTheirOrderAndSkipBrokenLines(@TempDir Path dir) throws IOException {
        Path file = write(dir, "sequences.txt", "1 1 2 3\n2 6 x 8\n\n3 4\n");
        InteractionFile.Report[] report = new InteractionFile.Report[1];

        List<InteractionEvent> events = read(file, report);

        assertThat(events).extracting(InteractionEvent::itemId).containsExactly("1", "2", "3", "4");
        assertThat(events.get(0).shopper()).isEqualTo(ShopperKey.customer(1));
        assertThat(events.get(1).occurredAt()).isAfter(events.get(0).occurredAt());
        assertThat(events).allMatch(e -> e.type() == EventType.RATED);
        assertThat(report[0].rejected).isEqualTo(1);
        assertThat(report[0].problems.get(0)).startsWith("line 2:");
    }

    @Test
    void recBoleInterFilesKeepRatingsAndTimes(@TempDir Path dir) throws IOException {
        Path file = write(dir, "ml.inter", "user_id:token\titem_id:token\trating:float\ttimestamp:float\n"
                + "196\t242\t3\t881250949\n186\t302\tbad\t891717742\n");
        InteractionFile.Report[] report = new InteractionFile.Report[1];

        List<InteractionEvent> events = read(file, report);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).rating()).isEqualByComparingTo("3");
        assertThat(events.get(0).occurredAt()).isEqualTo(Instant.ofEpochSecond(881250949));
        assertThat(report[0].rejected).isEqualTo(1);
    }

    @Test
    void retailLinesAreSalesOnly(@TempDir Path dir) throws IOException {
        Path file = write(dir, "transactions.csv", "InvoiceNo,StockCode,Description,Quantity,UnitPrice,CustomerID,Country\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2.55,17850,United Kingdom\n"
                + "C536379,D,Discount,-1,27.5,14527,United Kingdom\n"
                + "536370,POST,POSTAGE,3,18,12583,France\n"
                + "536371,22111,BOTTLE,2,4.95,,United Kingdom\n"
                + "536372,22112,BROKEN,many,4.95,,United Kingdom\n");
        InteractionFile.Report[] report = new InteractionFile.Report[1];

        List<InteractionEvent> events = read(file, report);

        assertThat(events).extracting(InteractionEvent::itemId).containsExactly("85123A", "22111");
        assertThat(events.get(0).shopper()).isEqualTo(ShopperKey.customer(17850));
        assertThat(events.get(1).shopper()).isEqualTo(ShopperKey.visitor("guest-536371"));
        assertThat(events.get(0).unitPrice()).isEqualByComparingTo("2.55");
        assertThat(events.get(0).orderId()).isEqualTo("536365");
        assertThat(report[0].rejected).isEqualTo(1);
    }

    @Test
    void datedRetailLinesHappenAtTheirInvoiceDateInUkTime(@TempDir Path dir) throws IOException {
        Path file = write(dir, "transactions.csv",
                "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01T08:26,2.55,17850.0,United Kingdom\n"
                + "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01T08:26,2.55,17850.0,United Kingdom\n"
                + "562000,22111,BOTTLE,2,2011-08-01T10:00,4.95,17850,United Kingdom\n");
        InteractionFile.Report[] report = new InteractionFile.Report[1];

        List<InteractionEvent> events = read(file, report);

        // The repeated row is entered twice but sold once; August is British Summer Time (UTC+1).
        assertThat(events).extracting(InteractionEvent::occurredAt).containsExactly(
                Instant.parse("2010-12-01T08:26:00Z"), Instant.parse("2011-08-01T09:00:00Z"));
        assertThat(events.get(0).shopper()).isEqualTo(ShopperKey.customer(17850));
        assertThat(report[0].rejected).isZero();
    }

    @Test
    void unknownFormatsAreRefusedWithWhatWasFound(@TempDir Path dir) throws IOException {
        Path file = write(dir, "notes.txt", "hello world\n");
        assertThatThrownBy(() -> InteractionFile.read(file, e -> { })).hasMessageContaining("first line is: hello world");
        Path empty = write(dir, "empty.txt", "");
        assertThatThrownBy(() -> InteractionFile.read(empty, e -> { })).hasMessageContaining("is empty");
    }

    @Test
    void theSharedMovieLensFileLoadsIntoTheEventStore() throws IOException {
        Path file = Paths.get("..", "..", "shared", "data", "movielens-100k", "ml-100k.inter");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(file), "../shared/data is beside the repository");
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        JdbcEventStore store = new JdbcEventStore(ds, Clock.systemUTC());

        InteractionFile.Report report = InteractionImport.into(store, file);

        assertThat(report.events).isEqualTo(100_000);
        assertThat(report.rejected).isZero();
        assertThat(store.count()).isEqualTo(100_000);
    }
}
