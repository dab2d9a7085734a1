package io.shelfwise.broadleaf;

import io.shelfwise.events.store.TestDatabases;
import io.shelfwise.jdbc.ShelfwiseSchema;
import io.shelfwise.price.DemandEstimate;
import io.shelfwise.price.PriceFactor;
import io.shelfwise.price.PricePrediction;
import io.shelfwise.price.PriceSuggestion;
import io.shelfwise.price.ProductListing;
import io.shelfwise.price.review.PriceChange;
import io.shelfwise.price.review.PriceSuggestions;
import io.shelfwise.price.review.StoredPriceSuggestion;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import javax.sql.DataSource;

import static io.shelfwise.broadleaf.Broadleaf.product;
import static io.shelfwise.broadleaf.Broadleaf.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Applying approved prices to Broadleaf's catalogue, with the review flow's real tables on HSQLDB. */
class BroadleafPriceChangesTest {

    private PriceSuggestions suggestions;
    private CatalogService catalog;
    private BroadleafPriceChanges changes;

    @BeforeEach
    void setUp() {
        DataSource ds = TestDatabases.hsqldb();
        ShelfwiseSchema.migrate(ds);
        suggestions = new PriceSuggestions(ds, Clock.fixed(Instant.parse("2026-11-20T03:00:00Z"), ZoneOffset.UTC));
        catalog = mock(CatalogService.class);
        changes = new BroadleafPriceChanges(catalog, Broadleaf.transactions(), suggestions);
    }

    private StoredPriceSuggestion suggested(String productId, String current, String price) {
        BigDecimal p = new BigDecimal(price);
        PricePrediction prediction = new PricePrediction(productId, p, p.subtract(BigDecimal.ONE), p.add(BigDecimal.ONE),
                0.8, false, Collections.<PriceFactor>emptyList());
        return suggestions.record(new PriceSuggestion(ProductListing.of(productId, "METAL LANTERN", null,
                new BigDecimal(current)), prediction,
                DemandEstimate.notEstimated(DemandEstimate.Status.TOO_LITTLE_PRICE_VARIATION, 1), "price@1"));
    }

    /** Money of this amount in whatever currency the store defaults to. */
    private static ArgumentMatcher<Money> amountOf(String amount) {
        return money -> money != null && money.getAmount().compareTo(new BigDecimal(amount)) == 0;
    }

    private Sku inCatalogue(long id, Sku sku) {
        Product product = product(id, "Metal lantern", sku, null);
        when(catalog.findProductById(id)).thenReturn(product);
        return sku;
    }

    @Test
    void anApprovedPriceBecomesTheRetailPriceAndIsAudited() {
        Sku sku = inCatalogue(71053L, sku("3.39", null));
        StoredPriceSuggestion s = suggested("71053", "3.39", "3.75");
        suggestions.approve(s.id(), "alice");

        PriceChange change = changes.apply(s.id(), "alice");

        verify(sku).setRetailPrice(argThat(amountOf("3.75")));
        verify(sku, never()).setSalePrice(any());
        verify(catalog).saveSku(sku);
        assertThat(change.oldPrice()).isEqualByComparingTo("3.39");
        assertThat(change.newPrice()).isEqualByComparingTo("3.75");
        assertThat(change.changedBy()).isEqualTo("alice");
        assertThat(suggestions.find(s.id()).get().status()).isEqualTo(StoredPriceSuggestion.Status.APPLIED);
    }

    @Test
    void onASkuOnSaleTheSalePriceChangesAndTheRetailPriceIsRaisedToItIfBelow() {
        Sku sku = inCatalogue(71053L, sku("3.50", "3.39"));
        StoredPriceSuggestion s = suggested("71053", "3.39", "3.75");
        suggestions.approve(s.id(), "alice");

        PriceChange change = changes.apply(s.id(), "alice");

        verify(sku).setSalePrice(argThat(amountOf("3.75")));
        verify(sku).setRetailPrice(argThat(amountOf("3.75")));
        assertThat(change.oldPrice()).isEqualByComparingTo("3.39");
    }

    @Test
    void aSuggestionThatIsNotApprovedIsNeverApplied() {
        Sku sku = inCatalogue(71053L, sku("3.39", null));
        StoredPriceSuggestion s = suggested("71053", "3.39", "3.75");

        assertThatThrownBy(() -> changes.apply(s.id(), "alice")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("PENDING").hasMessageContaining("approve it");
        verify(catalog, never()).saveSku(any());
        verify(sku, never()).setRetailPrice(any());
    }

    @Test
    void unknownSuggestionsAndProductsAreClearErrors() {
        assertThatThrownBy(() -> changes.apply(404L, "alice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("No price suggestion #404");

        StoredPriceSuggestion notBroadleaf = suggested("85123A", "2.55", "2.95");
        suggestions.approve(notBroadleaf.id(), "alice");
        assertThatThrownBy(() -> changes.apply(notBroadleaf.id(), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'85123A'");

        StoredPriceSuggestion gone = suggested("99", "2.55", "2.95");
        suggestions.approve(gone.id(), "alice");
        assertThatThrownBy(() -> changes.apply(gone.id(), "alice"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("No product 99");
        assertThat(suggestions.find(gone.id()).get().status()).isEqualTo(StoredPriceSuggestion.Status.APPROVED);
        verify(catalog, never()).saveSku(any());
    }
}
