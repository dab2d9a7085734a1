package io.shelfwise.broadleaf;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.shelfwise.recommend.Catalogue;
import io.shelfwise.recommend.CatalogueItem;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.inventory.service.InventoryService;
import org.broadleafcommerce.core.inventory.service.type.InventoryType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The store's Broadleaf catalogue as serving sees it: a product id maps to its name, categories (the default
 * category first), price (what shoppers pay now, {@link SkuPrice}), whether it is active and whether its default
 * SKU can be sold (availability flag, and stock when the SKU's inventory is checked). Products are read in a read-only transaction
 * and cached for a short time, so a recommendation never waits on the database more than once per product.
 */
public final class BroadleafCatalogue implements Catalogue {

    private final CatalogService catalog;
    private final InventoryService inventory;
    private final TransactionTemplate readOnly;
    private final LoadingCache<String, Optional<CatalogueItem>> items;
    private final LoadingCache<String, String> categoryNames;

    /**
     * @param inventory may be {@code null}: stock is then not checked, only the availability flag
     * @param ttl       how long a product's facts are reused (price and stock changes show after at most this)
     */
    public BroadleafCatalogue(CatalogService catalog, InventoryService inventory,
                              PlatformTransactionManager transactions, Duration ttl, long maxItems) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.items = Caffeine.newBuilder().maximumSize(maxItems).expireAfterWrite(ttl).recordStats()
                .build(this::read);
        this.categoryNames = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build(this::readName);
    }

    @Override
    public CatalogueItem item(String id) {
        return items.get(id).orElse(null);
    }

    @Override
    public String categoryName(String categoryId) {
        return categoryNames.get(categoryId);
    }

    private Optional<CatalogueItem> read(final String id) {
        final Long productId = parse(id);
        if (productId == null) {
            return Optional.empty();
        }
        return readOnly.execute(new TransactionCallback<Optional<CatalogueItem>>() {
            @Override
            public Optional<CatalogueItem> doInTransaction(TransactionStatus status) {
                Product product = catalog.findProductById(productId);
                return product == null ? Optional.<CatalogueItem>empty() : Optional.of(map(id, product));
            }
        });
    }

    private CatalogueItem map(String id, Product product) {
        List<String> categories = new ArrayList<>();
        Category primary = product.getDefaultCategory();
        if (primary != null) {
            categories.add(primary.getId().toString());
        }
        List<CategoryProductXref> xrefs = product.getAllParentCategoryXrefs();
        if (xrefs != null) {
            for (CategoryProductXref xref : xrefs) {
                Category category = xref.getCategory();
                if (category != null && !categories.contains(category.getId().toString())) {
                    categories.add(category.getId().toString());
                }
            }
        }
        Sku sku = product.getDefaultSku();
        return new CatalogueItem(id, product.getName(), categories, SkuPrice.current(sku), product.isActive(),
                sellable(sku), product.getUrl(), primaryImage(product));
    }

    private static String primaryImage(Product product) {
        java.util.Map<String, org.broadleafcommerce.common.media.domain.Media> media = product.getMedia();
        org.broadleafcommerce.common.media.domain.Media primary = media == null ? null : media.get("primary");
        return primary == null || primary.getUrl() == null || primary.getUrl().isEmpty() ? null : primary.getUrl();
    }

    @SuppressWarnings("deprecation") // Sku.isAvailable: Broadleaf 3.1 still honours the flag a store sets
    private boolean sellable(Sku sku) {
        if (sku == null || !sku.isActive()) {
            return false;
        }
        if (Boolean.FALSE.equals(sku.isAvailable())) {
            return false;
        }
        if (inventory != null && InventoryType.CHECK_QUANTITY.equals(sku.getInventoryType())) {
            return inventory.isAvailable(sku, 1);
        }
        return true;
    }

    private String readName(final String categoryId) {
        final Long id = parse(categoryId);
        if (id == null) {
            return categoryId;
        }
        return readOnly.execute(new TransactionCallback<String>() {
            @Override
            public String doInTransaction(TransactionStatus status) {
                Category category = catalog.findCategoryById(id);
                return category == null || category.getName() == null ? categoryId : category.getName();
            }
        });
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
