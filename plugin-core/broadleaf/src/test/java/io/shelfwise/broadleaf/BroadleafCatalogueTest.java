package io.shelfwise.broadleaf;

import io.shelfwise.recommend.CatalogueItem;
import org.broadleafcommerce.common.media.domain.Media;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.inventory.service.InventoryService;
import org.broadleafcommerce.core.inventory.service.type.InventoryType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;

import static io.shelfwise.broadleaf.Broadleaf.category;
import static io.shelfwise.broadleaf.Broadleaf.product;
import static io.shelfwise.broadleaf.Broadleaf.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BroadleafCatalogueTest {

    private CatalogService catalog;
    private InventoryService inventory;
    private BroadleafCatalogue catalogue;

    @BeforeEach
    void setUp() {
        catalog = mock(CatalogService.class);
        inventory = mock(InventoryService.class);
        catalogue = new BroadleafCatalogue(catalog, inventory, Broadleaf.transactions(), Duration.ofMinutes(1), 100);
    }

    private Product stocked(long id, Sku sku, Category primary, Category... parents) {
        Product product = product(id, "Felt hat", sku, primary, parents);
        when(catalog.findProductById(id)).thenReturn(product);
        return product;
    }

    @Test
    void aProductIsItsNameCategoriesDefaultFirstOncePriceLinkAndImage() {
        Category hats = category(7L, "Hats");
        Product product = stocked(42L, sku("9.99", null), hats, category(3L, "Winter"), hats);
        when(product.getUrl()).thenReturn("/hats/felt-hat");
        Media image = mock(Media.class);
        when(image.getUrl()).thenReturn("/img/felt-hat.png");
        when(product.getMedia()).thenReturn(Collections.singletonMap("primary", image));

        CatalogueItem item = catalogue.item("42");

        assertThat(item.id()).isEqualTo("42");
        assertThat(item.name()).isEqualTo("Felt hat");
        assertThat(item.categories()).containsExactly("7", "3");
        assertThat(item.primaryCategory()).isEqualTo("7");
        assertThat(item.price()).isEqualByComparingTo("9.99");
        assertThat(item.active()).isTrue();
        assertThat(item.inStock()).isTrue();
        assertThat(item.url()).isEqualTo("/hats/felt-hat");
        assertThat(item.imageUrl()).isEqualTo("/img/felt-hat.png");
    }

    @Test
    void thePriceIsWhatShoppersPayTheSameRuleAsThePriceModelsListings() {
        // regression: a sale price above the retail price was shown, where checkout charges the retail price
        stocked(1L, sku("9.99", "7.50"), null);
        stocked(2L, sku("9.99", "12.00"), null);
        stocked(3L, sku("9.99", "0.00"), null);
        stocked(4L, sku(null, null), null);

        assertThat(catalogue.item("1").price()).isEqualByComparingTo("7.50");
        assertThat(catalogue.item("2").price()).isEqualByComparingTo("9.99");
        assertThat(catalogue.item("3").price()).isEqualByComparingTo("9.99");
        assertThat(catalogue.item("4").price()).isNull();
        for (String id : new String[] {"1", "2", "3", "4"}) {
            Product product = catalog.findProductById(Long.parseLong(id));
            assertThat(catalogue.item(id).price())
                    .isEqualTo(BroadleafPriceCatalogue.listing(product).currentPrice());
        }
    }

    @Test
    @SuppressWarnings("deprecation") // Sku.isAvailable: the flag the adapter honours
    void aProductCanBeSoldOnlyWithAnActiveAvailableSkuInStockWhereStockIsChecked() {
        Sku inactive = sku("1.00", null);
        when(inactive.isActive()).thenReturn(false);
        Sku unavailable = sku("1.00", null);
        when(unavailable.isAvailable()).thenReturn(false);
        Sku counted = sku("1.00", null);
        when(counted.getInventoryType()).thenReturn(InventoryType.CHECK_QUANTITY);
        Sku soldOut = sku("1.00", null);
        when(soldOut.getInventoryType()).thenReturn(InventoryType.CHECK_QUANTITY);
        when(inventory.isAvailable(counted, 1)).thenReturn(true);
        when(inventory.isAvailable(soldOut, 1)).thenReturn(false);
        stocked(1L, inactive, null);
        stocked(2L, unavailable, null);
        stocked(3L, counted, null);
        stocked(4L, soldOut, null);
        stocked(5L, null, null);

        assertThat(catalogue.item("1").inStock()).isFalse();
        assertThat(catalogue.item("2").inStock()).isFalse();
        assertThat(catalogue.item("3").inStock()).isTrue();
        assertThat(catalogue.item("4").inStock()).isFalse();
        assertThat(catalogue.item("5").inStock()).isFalse();
    }

    @Test
    void withoutAnInventoryServiceOnlyTheFlagsCount() {
        BroadleafCatalogue noInventory = new BroadleafCatalogue(catalog, null, Broadleaf.transactions(),
                Duration.ofMinutes(1), 100);
        Sku counted = sku("1.00", null);
        when(counted.getInventoryType()).thenReturn(InventoryType.CHECK_QUANTITY);
        stocked(3L, counted, null);

        assertThat(noInventory.item("3").inStock()).isTrue();
    }

    @Test
    void unknownAndMalformedIdsAreNotInTheCatalogueAndAreNotLookedUpTwice() {
        assertThat(catalogue.item("999")).isNull();
        assertThat(catalogue.item("999")).isNull();
        assertThat(catalogue.item("../etc/passwd")).isNull();

        verify(catalog, times(1)).findProductById(999L);
        verify(catalog, times(1)).findProductById(anyLong());
    }

    @Test
    void aProductIsReadOnceWhileItsFactsAreFresh() {
        stocked(42L, sku("9.99", null), null);
        catalogue.item("42");
        catalogue.item("42");
        verify(catalog, times(1)).findProductById(42L);
    }

    @Test
    void categoryNamesAreReadAndFallBackToTheId() {
        Category hats = category(7L, "Hats");
        when(catalog.findCategoryById(7L)).thenReturn(hats);

        assertThat(catalogue.categoryName("7")).isEqualTo("Hats");
        assertThat(catalogue.categoryName("8")).isEqualTo("8");
        assertThat(catalogue.categoryName("seasonal")).isEqualTo("seasonal");
        verify(catalog, never()).findCategoryById(null);
    }
}
