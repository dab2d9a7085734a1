package io.shelfwise.broadleaf;

import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Sku;

import java.math.BigDecimal;

/**
 * The one rule for what shoppers pay now for a SKU, used wherever the plugin reads a Broadleaf price (serving's
 * catalogue, the price model's listings, an applied price change): the sale price when there is one and it is below
 * the retail price (or there is no retail price), else the retail price; amounts of 0 or less count as none.
 */
final class SkuPrice {

    private SkuPrice() {
    }

    /** What shoppers pay now for the SKU, or {@code null} when it has no price above 0. */
    static BigDecimal current(Sku sku) {
        if (sku == null) {
            return null;
        }
        BigDecimal sale = amount(sku.getSalePrice());
        BigDecimal retail = amount(sku.getRetailPrice());
        if (sale != null && (retail == null || sale.compareTo(retail) < 0)) {
            return sale;
        }
        return retail;
    }

    private static BigDecimal amount(Money money) {
        return money == null || money.getAmount() == null || money.getAmount().signum() <= 0 ? null : money.getAmount();
    }
}
