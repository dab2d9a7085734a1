package io.shelfwise.demo;

import io.shelfwise.events.capture.EventCapture;
import io.shelfwise.events.store.JdbcEventStore;
import io.shelfwise.broadleaf.BroadleafPriceCatalogue;
import io.shelfwise.broadleaf.BroadleafPriceChanges;
import io.shelfwise.broadleaf.OrderHistoryImport;
import io.shelfwise.price.PriceAdvisor;
import io.shelfwise.price.review.PriceChange;
import io.shelfwise.price.PriceHistory;
import io.shelfwise.price.train.PriceModel;
import io.shelfwise.price.train.PriceModelTrainer;
import io.shelfwise.price.PriceSuggestion;
import io.shelfwise.price.review.PriceSuggestions;
import io.shelfwise.price.train.PriceTraining;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.train.StorePriceSource;
import io.shelfwise.price.review.StoredPriceSuggestion;
import io.shelfwise.registry.ModelRegistry;
import io.shelfwise.registry.ModelVersion;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Price suggestions against the real Broadleaf store: train from its catalogue and order history, suggest a price,
 * approve it, apply it through Broadleaf's catalogue service, and read the new price and the audit row back.
 */
class PriceSuggestionIT {

    private static BroadleafTestStore store;

    @BeforeAll
    static void startStore() throws Exception {
        store = BroadleafTestStore.start();
    }

    @AfterAll
    static void stopStore() throws Exception {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anApprovedSuggestionIsAppliedThroughBroadleafWithAnAuditRow() throws Exception {
        CatalogService catalog = store.bean("blCatalogService", CatalogService.class);
        EventCapture capture = store.bean("shelfwiseEventCapture", EventCapture.class);
        JdbcEventStore events = capture.store();
        if (events.recordedOrderIds().isEmpty()) {
            store.bean("shelfwiseOrderHistoryImport", OrderHistoryImport.class).importSubmittedOrders();
        }
        BroadleafPriceCatalogue catalogue = store.bean("shelfwisePriceCatalogue", BroadleafPriceCatalogue.class);
        StorePriceSource source = new StorePriceSource(catalogue, events, Clock.systemUTC(), Duration.ofDays(36500));
        PriceHistory history = source.load();
        assertThat(history.pricedProducts()).hasSizeGreaterThan(10);

        ModelRegistry registry = store.bean("shelfwiseModelRegistry", ModelRegistry.class);
        ModelVersion version = new PriceTraining(registry, PriceModelTrainer.Settings.builder().folds(3).build(),
                Clock.systemUTC()).train(source);
        assertThat(version.strategy()).isEqualTo("price");

        ProductListing listing = catalogue.get().get(0);
        PriceSuggestion suggestion;
        try (PriceAdvisor advisor = PriceAdvisor.builder(PriceModel.load(registry.artifactPath(version)),
                version.label()).sales(history.sales()).build()) {
            suggestion = advisor.suggest(listing);
        }
        assertThat(suggestion.suggestedPrice()).isGreaterThanOrEqualTo(new BigDecimal("0.01"));

        PriceSuggestions suggestions = store.bean("shelfwisePriceSuggestions", PriceSuggestions.class);
        BroadleafPriceChanges changes = store.bean("shelfwisePriceChanges", BroadleafPriceChanges.class);
        StoredPriceSuggestion pending = suggestions.record(suggestion);
        assertThatThrownBy(() -> changes.apply(pending.id(), "admin")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("approve it");

        BigDecimal edited = new BigDecimal("7.77");
        suggestions.approve(pending.id(), "admin", edited);
        PriceChange change = changes.apply(pending.id(), "admin");

        assertThat(change.newPrice()).isEqualByComparingTo(edited);
        assertThat(change.oldPrice()).isEqualByComparingTo(listing.currentPrice());
        BigDecimal now = store.inRequest(() -> BroadleafPriceCatalogue.listing(
                catalog.findProductById(Long.valueOf(listing.id()))).currentPrice());
        assertThat(now).isEqualByComparingTo(edited);
        List<PriceChange> audit = suggestions.audit(listing.id());
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.changedBy()).isEqualTo("admin");
            assertThat(a.suggestionId()).isEqualTo(pending.id());
        });
        assertThat(suggestions.find(pending.id()).get().status()).isEqualTo(StoredPriceSuggestion.Status.APPLIED);
    }
}
