package io.shelfwise.broadleaf;

import io.shelfwise.recommend.data.ItemContent;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductAttribute;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The catalogue's content for content-based recommendation, read from Broadleaf page by page in read-only
 * transactions: each product's name, descriptions, manufacturer and model, its categories, and its product
 * attributes. Products are keyed by id, as events record them. Each {@link #get()} reads afresh (a training run
 * calls it once).
 */
public final class BroadleafItemContent implements Supplier<ItemContent> {

    private static final int PAGE = 500;

    private final CatalogService catalog;
    private final TransactionTemplate readOnly;

    public BroadleafItemContent(CatalogService catalog, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public ItemContent get() {
        final ItemContent.Builder content = ItemContent.builder();
        for (int offset = 0; ; offset += PAGE) {
            final int from = offset;
            int read = readOnly.execute(new TransactionCallback<Integer>() {
                @Override
                public Integer doInTransaction(TransactionStatus status) {
                    List<Product> page = catalog.findAllProducts(PAGE, from);
                    for (Product product : page) {
                        add(content, product);
                    }
                    return page.size();
                }
            });
            if (read < PAGE) {
                return content.build();
            }
        }
    }

    private static void add(ItemContent.Builder content, Product product) {
        String id = product.getId().toString();
        content.text(id, product.getName());
        content.text(id, product.getDescription());
        content.text(id, product.getLongDescription());
        List<String> attributes = new ArrayList<>();
        if (product.getManufacturer() != null) {
            attributes.add("manufacturer:" + product.getManufacturer());
        }
        if (product.getModel() != null) {
            attributes.add("model:" + product.getModel());
        }
        Set<String> categories = new LinkedHashSet<>(); // the default category is usually also a parent: once
        Category primary = product.getDefaultCategory();
        if (primary != null) {
            categories.add("category:" + primary.getId());
        }
        List<CategoryProductXref> xrefs = product.getAllParentCategoryXrefs();
        for (CategoryProductXref xref : xrefs == null ? Collections.<CategoryProductXref>emptyList() : xrefs) {
            if (xref.getCategory() != null) {
                categories.add("category:" + xref.getCategory().getId());
            }
        }
        attributes.addAll(categories);
        if (product.getProductAttributes() != null) {
            for (ProductAttribute attribute : product.getProductAttributes().values()) {
                if (attribute.getValue() != null) {
                    attributes.add(attribute.getName() + ":" + attribute.getValue());
                }
            }
        }
        content.attributes(id, attributes);
    }
}
