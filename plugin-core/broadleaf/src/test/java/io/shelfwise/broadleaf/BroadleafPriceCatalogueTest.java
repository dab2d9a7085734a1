package io.shelfwise.broadleaf;

import io.shelfwise.price.ProductListing;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static io.shelfwise.broadleaf.Broadleaf.category;
import static io.shelfwise.broadleaf.Broadleaf.product;
import static io.shelfwise.broadleaf.Broadleaf.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class BroadleafPriceCatalogueTest {

    @Test
    void theCurrentPriceIsTheSalePriceOnlyWhenItIsBelowTheRetailPrice() {
        assertThat(SkuPrice.current(sku("9.99", "7.50"))).isEqualByComparingTo("7.50");
        assertThat(SkuPrice.current(sku("9.99", "9.99"))).isEqualByComparingTo("9.99");
        assertThat(SkuPrice.current(sku("9.99", "12.00"))).isEqualByComparingTo("9.99");
        assertThat(SkuPrice.current(sku(null, "7.50"))).isEqualByComparingTo("7.50");
        assertThat(SkuPrice.current(sku("0", "7.50"))).isEqualByComparingTo("7.50");
        assertThat(SkuPrice.current(sku("9.99", "0"))).isEqualByComparingTo("9.99");
        assertThat(SkuPrice.current(sku("-1", null))).isNull();
        assertThat(SkuPrice.current(sku(null, null))).isNull();
        assertThat(SkuPrice.current(null)).isNull();
    }

    @Test
    void aListingIsTheProductsTextCategoryNameAndCurrentPrice() {
        Product lantern = product(71053L, "White metal lantern", sku("3.75", "3.39"), category(7L, "Lighting"));
        when(lantern.getDescription()).thenReturn("  Hanging, with a glass door ");
        Product mug = product(22L, "Mug", sku("1.25", null), null);
        when(mug.getDescription()).thenReturn("Mug");

        assertThat(BroadleafPriceCatalogue.listing(lantern)).isEqualTo(ProductListing.of("71053",
                "White metal lantern Hanging, with a glass door", "Lighting", new java.math.BigDecimal("3.39")));
        assertThat(BroadleafPriceCatalogue.listing(mug).text()).as("a description that repeats the name adds nothing")
                .isEqualTo("Mug");
        assertThat(BroadleafPriceCatalogue.listing(mug).category()).isNull();
    }

    @Test
    void theWholeCatalogueIsReadInPages() {
        CatalogService catalog = mock(CatalogService.class);
        Product[] page = new Product[500];
        for (int i = 0; i < page.length; i++) {
            page[i] = product(i + 1, "Item " + (i + 1), sku("1.00", null), null);
        }
        when(catalog.findAllProducts(500, 0)).thenReturn(Arrays.asList(page));
        when(catalog.findAllProducts(500, 500)).thenReturn(Collections.<Product>emptyList());

        List<ProductListing> listings = new BroadleafPriceCatalogue(catalog, Broadleaf.transactions()).get();

        assertThat(listings).hasSize(500);
        assertThat(listings.get(499).id()).isEqualTo("500");
    }
}
