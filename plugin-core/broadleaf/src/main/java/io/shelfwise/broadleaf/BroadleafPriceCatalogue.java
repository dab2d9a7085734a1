package io.shelfwise.broadleaf;

import io.shelfwise.price.ProductListing;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The catalogue as the price model sees it, read from Broadleaf page by page in read-only transactions: each
 * product's id (as events record it), its name and description as text, its default category's name, and the price
 * shoppers pay now for its default SKU ({@link SkuPrice}). Each {@link #get()} reads afresh.
 */
public final class BroadleafPriceCatalogue implements Supplier<List<ProductListing>> {

    private static final int PAGE = 500;

    private final CatalogService catalog;
    private final TransactionTemplate readOnly;

    public BroadleafPriceCatalogue(CatalogService catalog, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public List<ProductListing> get() {
        final List<ProductListing> listings = new ArrayList<>();
        for (int offset = 0; ; offset += PAGE) {
            final int from = offset;
            int read = readOnly.execute(new TransactionCallback<Integer>() {
                @Override
                public Integer doInTransaction(TransactionStatus status) {
                    List<Product> page = catalog.findAllProducts(PAGE, from);
                    for (Product product : page) {
                        listings.add(listing(product));
                    }
                    return page.size();
                }
            });
            if (read < PAGE) {
                return listings;
            }
        }
    }

    /** One product as a listing; call inside a transaction (the default SKU and category are lazy). */
    public static ProductListing listing(Product product) {
        StringBuilder text = new StringBuilder();
        append(text, product.getName());
        if (product.getDescription() != null && !product.getDescription().equals(product.getName())) {
            append(text, product.getDescription());
        }
        Category category = product.getDefaultCategory();
        return ProductListing.of(product.getId().toString(), text.toString(),
                category == null ? null : category.getName(), SkuPrice.current(product.getDefaultSku()));
    }

    private static void append(StringBuilder text, String part) {
        if (part != null && !part.trim().isEmpty()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(part.trim());
        }
    }
}
