package io.shelfwise.broadleaf;

import io.shelfwise.recommend.data.ItemContent;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductAttribute;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.shelfwise.broadleaf.Broadleaf.category;
import static io.shelfwise.broadleaf.Broadleaf.product;
import static io.shelfwise.broadleaf.Broadleaf.sku;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class BroadleafItemContentTest {

    @Test
    void aProductsContentIsItsTextsAndAttributesWithEachCategoryOnce() {
        CatalogService catalog = mock(CatalogService.class);
        Category hats = category(7L, "Hats");
        Product hat = product(42L, "Felt hat", sku("9.99", null), hats, hats, category(3L, "Winter"));
        when(hat.getDescription()).thenReturn("Warm grey felt");
        when(hat.getManufacturer()).thenReturn("Lock & Co");
        ProductAttribute colour = mock(ProductAttribute.class);
        when(colour.getName()).thenReturn("colour");
        when(colour.getValue()).thenReturn("grey");
        ProductAttribute empty = mock(ProductAttribute.class);
        when(empty.getName()).thenReturn("size");
        java.util.Map<String, ProductAttribute> attributes = new java.util.LinkedHashMap<>();
        attributes.put("colour", colour);
        attributes.put("size", empty);
        when(hat.getProductAttributes()).thenReturn(attributes);
        when(catalog.findAllProducts(500, 0)).thenReturn(Collections.singletonList(hat));

        ItemContent content = new BroadleafItemContent(catalog, Broadleaf.transactions()).get();

        // regression: the default category is also a parent category and was counted twice
        assertThat(content.tokens().get("42")).containsExactly("felt", "hat", "warm", "grey", "felt",
                "attr:manufacturer:lock & co", "attr:category:7", "attr:category:3", "attr:colour:grey");
    }

    @Test
    void theCatalogueIsReadPageByPageUntilAShortPage() {
        CatalogService catalog = mock(CatalogService.class);
        List<Product> full = new ArrayList<>();
        for (long id = 1; id <= 500; id++) {
            full.add(product(id, "Item " + id, null, null));
        }
        when(catalog.findAllProducts(500, 0)).thenReturn(full);
        Product last = product(501L, "Last", null, null);
        when(catalog.findAllProducts(500, 500)).thenReturn(Collections.singletonList(last));

        ItemContent content = new BroadleafItemContent(catalog, Broadleaf.transactions()).get();

        assertThat(content.size()).isEqualTo(501);
        verify(catalog).findAllProducts(500, 500);
    }
}
