package io.shelfwise.price.review;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.price.DemandEstimate;
import io.shelfwise.price.PriceFactor;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PriceSuggestion;
import io.shelfwise.price.ProductListing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The review flow's storage on real databases: HSQLDB always, PostgreSQL when SHELFWISE_PG_URL is set. */
class PriceSuggestionsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC);

    static List<String> databases() {
        return TestDatabases.all();
    }

    private static PriceSuggestions store(String database) {
        DataSource ds = TestDatabases.named(database);
        ShelfwiseSchema.migrate(ds);
        return new PriceSuggestions(ds, CLOCK);
    }

    static PriceSuggestion suggestion(String product, String current, String suggested) {
        PricePrediction prediction = new PricePrediction(product, new BigDecimal(suggested),
                new BigDecimal(suggested).subtract(BigDecimal.ONE), new BigDecimal(suggested).add(BigDecimal.ONE), 0.8,
                false, Arrays.asList(new PriceFactor("w:lantern", "word 'lantern'", 1.4)));
        return new PriceSuggestion(ProductListing.of(product, "METAL LANTERN", null,
                current == null ? null : new BigDecimal(current)), prediction,
                DemandEstimate.notEstimated(DemandEstimate.Status.TOO_LITTLE_PRICE_VARIATION, 1), "price@3");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void approvedSuggestionsAreAppliedOnceWithAnAuditRow(String database) {
        PriceSuggestions store = store(database);
        StoredPriceSuggestion s = store.record(suggestion("71053", "3.39", "4.25"));
        assertThat(s.status()).isEqualTo(StoredPriceSuggestion.Status.PENDING);
        assertThat(s.featuresJson()).contains("word 'lantern'");
        assertThat(s.demandJson()).contains("too little price variation");
        assertThat(s.modelVersion()).isEqualTo("price@3");

        StoredPriceSuggestion approved = store.approve(s.id(), "alice");
        assertThat(approved.status()).isEqualTo(StoredPriceSuggestion.Status.APPROVED);
        assertThat(approved.approvedPrice()).isEqualByComparingTo("4.25");
        assertThat(approved.decidedBy()).isEqualTo("alice");
        assertThat(approved.decidedAt()).isEqualTo(CLOCK.instant());

        PriceChange change = store.markApplied(s.id(), new BigDecimal("3.39"), "alice");
        assertThat(change.newPrice()).isEqualByComparingTo("4.25");
        assertThat(store.find(s.id()).get().status()).isEqualTo(StoredPriceSuggestion.Status.APPLIED);
        assertThat(store.audit("71053")).singleElement().satisfies(a -> {
            assertThat(a.oldPrice()).isEqualByComparingTo("3.39");
            assertThat(a.newPrice()).isEqualByComparingTo("4.25");
            assertThat(a.changedBy()).isEqualTo("alice");
            assertThat(a.suggestionId()).isEqualTo(s.id());
        });
        assertThatThrownBy(() -> store.markApplied(s.id(), new BigDecimal("4.25"), "bob"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("APPLIED");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void editThenApproveKeepsTheModelsFigures(String database) {
        PriceSuggestions store = store(database);
        StoredPriceSuggestion s = store.record(suggestion("85123A", "2.55", "2.95"));
        StoredPriceSuggestion approved = store.approve(s.id(), "alice", new BigDecimal("2.79"));
        assertThat(approved.approvedPrice()).isEqualByComparingTo("2.79");
        assertThat(approved.suggestedPrice()).isEqualByComparingTo("2.95");
        assertThatThrownBy(() -> store.approve(store.record(suggestion("1", null, "1.00")).id(), "alice",
                BigDecimal.ZERO)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above 0");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void onlyPendingSuggestionsCanBeDecidedAndRejectedOnesNeverApply(String database) {
        PriceSuggestions store = store(database);
        StoredPriceSuggestion s = store.record(suggestion("22423", "12.75", "10.95"));
        StoredPriceSuggestion rejected = store.reject(s.id(), "bob", "we price this against the competition");
        assertThat(rejected.status()).isEqualTo(StoredPriceSuggestion.Status.REJECTED);
        assertThat(rejected.note()).isEqualTo("we price this against the competition");
        assertThatThrownBy(() -> store.approve(s.id(), "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("REJECTED").hasMessageContaining("bob");
        assertThatThrownBy(() -> store.markApplied(s.id(), null, "alice")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> store.approve(999_999L, "alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("#999999");
        assertThatThrownBy(() -> store.approve(s.id(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.audit(null)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void listsFilterByStatusAndProductNewestFirst(String database) {
        PriceSuggestions store = store(database);
        long a = store.record(suggestion("A", "1.00", "1.20")).id();
        long b = store.record(suggestion("B", "2.00", "2.20")).id();
        long c = store.record(suggestion("A", "1.00", "1.10")).id();
        store.approve(b, "alice");
        assertThat(store.list(null, null, 10)).extracting(StoredPriceSuggestion::id).containsExactly(c, b, a);
        assertThat(store.list(StoredPriceSuggestion.Status.PENDING, null, 10)).extracting(StoredPriceSuggestion::id)
                .containsExactly(c, a);
        assertThat(store.list(null, "A", 1)).extracting(StoredPriceSuggestion::id).containsExactly(c);
        assertThat(store.list(StoredPriceSuggestion.Status.APPROVED, "A", 10)).isEmpty();
    }
}
