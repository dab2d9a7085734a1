package io.shelfwise.events.store;

import io.shelfwise.events.EventType;
import io.shelfwise.events.InteractionEvent;
import io.shelfwise.events.ShopperKey;
import io.shelfwise.jdbc.ShelfwiseSchema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store against real databases: HSQLDB always, PostgreSQL when SHELFWISE_PG_URL is set. */
class JdbcEventStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-01T09:00:00Z");
    private static final ShopperKey VISITOR = ShopperKey.visitor("aaaaaaaa-1111");
    private static final ShopperKey CUSTOMER = ShopperKey.customer(17850);
    private static final ShopperKey OTHER = ShopperKey.customer(12583);

    static List<String> databases() {
        return TestDatabases.all();
    }

    private static JdbcEventStore store(String database) {
        DataSource ds = TestDatabases.named(database);
        assertThat(ShelfwiseSchema.migrate(ds)).isEqualTo(7); // V1-V7
        assertThat(ShelfwiseSchema.migrate(ds)).as("second run is a no-op").isZero();
        return new JdbcEventStore(ds, Clock.fixed(T0, ZoneOffset.UTC));
    }

    private static InteractionEvent view(ShopperKey who, String item, int minute) {
        return InteractionEvent.builder(EventType.PRODUCT_VIEW, who, T0.plusSeconds(60L * minute))
                .item(item).sessionId("s1").build();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void everyKindOfEventReadsBackAsWritten(String database) {
        JdbcEventStore store = store(database);
        List<InteractionEvent> events = Arrays.asList(
                view(VISITOR, "85123A", 0),
                InteractionEvent.builder(EventType.CATEGORY_VIEW, VISITOR, T0.plusSeconds(1)).category("7").build(),
                InteractionEvent.builder(EventType.SEARCH, VISITOR, T0.plusSeconds(2)).query("lantern", 12).build(),
                InteractionEvent.builder(EventType.CART_ADD, VISITOR, T0.plusSeconds(3)).item("71053").quantity(2)
                        .unitPrice(new BigDecimal("3.39")).build(),
                InteractionEvent.builder(EventType.CART_UPDATE, VISITOR, T0.plusSeconds(4)).item("71053").quantity(0).build(),
                InteractionEvent.builder(EventType.CART_REMOVE, VISITOR, T0.plusSeconds(5)).item("71053").build(),
                InteractionEvent.builder(EventType.CHECKOUT, CUSTOMER, T0.plusSeconds(6)).item("71053").quantity(2)
                        .unitPrice(new BigDecimal("3.39")).order("536365", new BigDecimal("6.78")).build(),
                InteractionEvent.builder(EventType.WIDGET_IMPRESSION, CUSTOMER, T0.plusSeconds(7)).placement("home-for-you")
                        .model("default@3", "B").build(),
                InteractionEvent.builder(EventType.WIDGET_CLICK, CUSTOMER, T0.plusSeconds(8)).placement("home-for-you")
                        .item("22111").model("default@3", "B").build(),
                InteractionEvent.builder(EventType.RATED, CUSTOMER, T0.plusSeconds(9)).item("242")
                        .rating(new BigDecimal("4")).build());

        assertThat(store.append(events)).isEqualTo(events.size());

        List<InteractionEvent> read = new ArrayList<>();
        store.snapshot(T0, T0.plusSeconds(3600)).forEach(e -> read.add(e.event()));
        assertThat(read).containsExactlyElementsOf(events);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void snapshotIsCutAtTheEventsCommittedWhenItWasTaken(String database) {
        JdbcEventStore store = store(database);
        store.append(Arrays.asList(view(VISITOR, "1", 0), view(VISITOR, "2", 1)));
        EventSnapshot snapshot = store.snapshot(T0, T0.plusSeconds(3600));
        store.append(Collections.singletonList(view(VISITOR, "3", 2)));

        List<String> items = new ArrayList<>();
        snapshot.forEach(e -> items.add(e.event().itemId()));
        assertThat(items).containsExactly("1", "2");
        assertThat(snapshot.takenAt()).isEqualTo(T0);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void snapshotHonoursItsTimeWindow(String database) {
        JdbcEventStore store = store(database);
        store.append(Arrays.asList(view(VISITOR, "early", 0), view(VISITOR, "inside", 10), view(VISITOR, "late", 20)));

        List<String> items = new ArrayList<>();
        store.snapshot(T0.plusSeconds(300), T0.plusSeconds(1200)).forEach(e -> items.add(e.event().itemId()));
        assertThat(items).containsExactly("inside");
        assertThatThrownBy(() -> store.snapshot(T0, T0)).hasMessageContaining("from < to");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void signingInMovesTheVisitorsHistoryToTheCustomer(String database) {
        JdbcEventStore store = store(database);
        store.append(Arrays.asList(view(VISITOR, "1", 0), view(VISITOR, "2", 1)));
        store.append(Collections.singletonList(InteractionEvent.builder(EventType.LOGIN, VISITOR, T0.plusSeconds(180))
                .linkedCustomer(CUSTOMER).build()));

        List<InteractionEvent> exported = new ArrayList<>();
        store.export(CUSTOMER, exported::add);
        assertThat(exported).extracting(InteractionEvent::type)
                .containsExactly(EventType.PRODUCT_VIEW, EventType.PRODUCT_VIEW, EventType.LOGIN);
        assertThat(exported.subList(0, 2)).allMatch(e -> e.shopper().equals(CUSTOMER));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eraseRemovesEveryRowOfThatCustomerAndNothingElse(String database) {
        JdbcEventStore store = store(database);
        store.append(Arrays.asList(view(VISITOR, "1", 0), view(OTHER, "2", 1)));
        store.append(Collections.singletonList(InteractionEvent.builder(EventType.LOGIN, VISITOR, T0.plusSeconds(120))
                .linkedCustomer(CUSTOMER).build()));
        store.append(Collections.singletonList(view(VISITOR, "after-login-as-visitor", 3)));
        store.append(Collections.singletonList(view(CUSTOMER, "3", 4)));

        assertThat(store.erase(CUSTOMER)).isEqualTo(4);

        List<InteractionEvent> left = new ArrayList<>();
        store.snapshot(T0, T0.plusSeconds(3600)).forEach(e -> left.add(e.event()));
        assertThat(left).extracting(e -> e.shopper()).containsOnly(OTHER);
        List<InteractionEvent> exported = new ArrayList<>();
        store.export(CUSTOMER, exported::add);
        assertThat(exported).isEmpty();
        assertThatThrownBy(() -> store.erase(VISITOR)).hasMessageContaining("customer key");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void optOutsAreKeptAndWithdrawn(String database) {
        JdbcEventStore store = store(database);
        store.optOut(CUSTOMER);
        store.optOut(CUSTOMER);
        assertThat(store.optedOut()).containsExactly(CUSTOMER);
        store.erase(CUSTOMER);
        assertThat(store.optedOut()).as("erasing history keeps the instruction").containsExactly(CUSTOMER);
        store.optIn(CUSTOMER);
        assertThat(store.optedOut()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aBatchIsWrittenWholeOrNotAtAll(String database) throws Exception {
        DataSource ds = TestDatabases.named(database);
        ShelfwiseSchema.migrate(ds);
        JdbcEventStore store = new JdbcEventStore(ds, Clock.systemUTC());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE SW_EVENT ADD CONSTRAINT SW_TEST_NO_BAD CHECK (ITEM_ID IS NULL OR ITEM_ID <> 'bad')");
        }

        assertThatThrownBy(() -> store.append(Arrays.asList(view(VISITOR, "good", 0), view(VISITOR, "bad", 1))))
                .isInstanceOf(EventStoreException.class);
        assertThat(store.count()).isZero();
    }

    /** What HSQLDB does on a full disk (EventWriterDiskFullTest), made here by a trigger that drops some rows. */
    @ParameterizedTest
    @MethodSource("databases")
    void eventsAnAcknowledgedCommitDidNotKeepAreNamedToBeWrittenAgain(String database) throws Exception {
        DataSource ds = TestDatabases.named(database);
        ShelfwiseSchema.migrate(ds);
        JdbcEventStore store = new JdbcEventStore(ds, Clock.systemUTC());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            if ("postgresql".equals(database)) {
                s.execute("CREATE FUNCTION sw_test_lose() RETURNS trigger AS $$ BEGIN "
                        + "DELETE FROM SW_EVENT WHERE EVENT_ID = NEW.EVENT_ID; RETURN NULL; END $$ LANGUAGE plpgsql");
                s.execute("CREATE TRIGGER sw_test_lose AFTER INSERT ON SW_EVENT FOR EACH ROW "
                        + "WHEN (NEW.ITEM_ID LIKE 'lost%') EXECUTE PROCEDURE sw_test_lose()");
            } else {
                s.execute("CREATE TRIGGER SW_TEST_LOSE AFTER INSERT ON SW_EVENT REFERENCING NEW ROW AS N "
                        + "FOR EACH ROW WHEN (N.ITEM_ID LIKE 'lost%') DELETE FROM SW_EVENT WHERE EVENT_ID = N.EVENT_ID");
            }
        }
        List<InteractionEvent> batch = Arrays.asList(view(VISITOR, "kept-1", 0), view(VISITOR, "lost-1", 1),
                view(VISITOR, "kept-2", 2), view(VISITOR, "lost-2", 3));

        assertThatThrownBy(() -> store.append(batch)).isInstanceOfSatisfying(UnconfirmedCommitException.class, e -> {
            assertThat(e.unstored()).extracting(InteractionEvent::itemId).containsExactly("lost-1", "lost-2");
            assertThat(e.unsecured()).isEqualTo(2);
            assertThat(e.getMessage()).contains("did not store 2 of them");
        });
        assertThat(store.count()).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void schemaCoexistsWithTheHostsTablesInOneSchema() throws Exception {
        DataSource ds = TestDatabases.hsqldb();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE BLC_PRODUCT (PRODUCT_ID BIGINT PRIMARY KEY)");
        }
        assertThat(ShelfwiseSchema.migrate(ds)).isEqualTo(7); // V1-V7
        assertThat(new JdbcEventStore(ds, Clock.systemUTC()).count()).isZero();
    }
}
