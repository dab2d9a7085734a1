package io.shelfwise.broadleaf;

import io.shelfwise.price.review.PriceChange;
import io.shelfwise.price.review.PriceSuggestions;
import io.shelfwise.price.review.StoredPriceSuggestion;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;

/**
 * Applies an approved price suggestion to the Broadleaf catalogue through {@link CatalogService}: the product's
 * default SKU gets the approved price as the price shoppers pay (its sale price when it has one, the retail price
 * raised to it if below; otherwise its retail price), saved with {@code saveSku} in a Broadleaf transaction, then
 * the suggestion is marked APPLIED with an audit row (who, when, old and new price). Only APPROVED suggestions are
 * applied; nothing is ever applied without an admin's approval.
 *
 * <p>If the audit cannot be written after the catalogue was saved, the error is logged with the old and new price
 * (so the change can be traced) and rethrown.
 */
public final class BroadleafPriceChanges {

    private static final Logger LOG = LoggerFactory.getLogger(BroadleafPriceChanges.class);

    private final CatalogService catalog;
    private final TransactionTemplate transactions;
    private final PriceSuggestions suggestions;

    public BroadleafPriceChanges(CatalogService catalog, PlatformTransactionManager transactions,
                                 PriceSuggestions suggestions) {
        this.catalog = catalog;
        this.transactions = new TransactionTemplate(transactions);
        this.suggestions = suggestions;
    }

    /**
     * Applies suggestion {@code id}.
     *
     * @param by the admin applying it
     * @throws IllegalArgumentException if there is no such suggestion or product
     * @throws IllegalStateException    if the suggestion is not APPROVED
     */
    public PriceChange apply(long id, String by) {
        final StoredPriceSuggestion s = suggestions.find(id).orElseThrow(
                () -> new IllegalArgumentException("No price suggestion #" + id));
        if (s.status() != StoredPriceSuggestion.Status.APPROVED) {
            throw new IllegalStateException("Suggestion #" + id + " is " + s.status() + ": approve it before applying");
        }
        final long productId;
        try {
            productId = Long.parseLong(s.productId());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Suggestion #" + id + " names product '" + s.productId()
                    + "', not a Broadleaf product id");
        }
        final BigDecimal price = s.approvedPrice();
        BigDecimal old = transactions.execute(new TransactionCallback<BigDecimal>() {
            @Override
            public BigDecimal doInTransaction(TransactionStatus status) {
                Product product = catalog.findProductById(productId);
                if (product == null || product.getDefaultSku() == null) {
                    throw new IllegalArgumentException("No product " + productId + " with a default SKU in the "
                            + "catalogue");
                }
                Sku sku = product.getDefaultSku();
                BigDecimal before = SkuPrice.current(sku);
                Money money = new Money(price);
                if (sku.getSalePrice() != null && sku.getSalePrice().getAmount() != null) {
                    sku.setSalePrice(money);
                    if (sku.getRetailPrice() == null || sku.getRetailPrice().getAmount().compareTo(price) < 0) {
                        sku.setRetailPrice(money);
                    }
                } else {
                    sku.setRetailPrice(money);
                }
                catalog.saveSku(sku);
                return before;
            }
        });
        try {
            return suggestions.markApplied(id, old, by);
        } catch (RuntimeException e) {
            LOG.error("Product {} now costs {} (was {}), applied by {} from suggestion #{}, but the audit could not "
                    + "be written", new Object[] {productId, price, old, by, id, e});
            throw e;
        }
    }
}
