package io.shelfwise.broadleaf;

import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.common.web.BroadleafRequestCustomerResolverImpl;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.springframework.context.support.StaticApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Broadleaf's domain objects for the adapter's unit tests: its interfaces stood in for by Mockito, with only the
 * getters the adapter reads; money as Broadleaf's own {@link Money} in one currency.
 */
final class Broadleaf {

    private Broadleaf() {
    }

    static Money money(String amount) {
        return amount == null ? null : new Money(new BigDecimal(amount), "GBP");
    }

    static Category category(long id, String name) {
        Category category = mock(Category.class);
        when(category.getId()).thenReturn(id);
        when(category.getName()).thenReturn(name);
        return category;
    }

    @SuppressWarnings("deprecation") // Sku.isAvailable: unset (null) on a SKU a store never flagged, as in Broadleaf
    static Sku sku(String retail, String sale) {
        Sku sku = mock(Sku.class);
        when(sku.getRetailPrice()).thenReturn(money(retail));
        when(sku.getSalePrice()).thenReturn(money(sale));
        when(sku.isActive()).thenReturn(true);
        when(sku.isAvailable()).thenReturn(null);
        return sku;
    }

    /** A product with a default SKU, a default category and the given further parent categories. */
    static Product product(long id, String name, Sku sku, Category primary, Category... parents) {
        Product product = mock(Product.class);
        when(product.getId()).thenReturn(id);
        when(product.getName()).thenReturn(name);
        when(product.getDefaultSku()).thenReturn(sku);
        when(product.getDefaultCategory()).thenReturn(primary);
        when(product.isActive()).thenReturn(true);
        List<CategoryProductXref> xrefs = new ArrayList<>();
        for (Category parent : parents) {
            CategoryProductXref xref = mock(CategoryProductXref.class);
            when(xref.getCategory()).thenReturn(parent);
            xrefs.add(xref);
        }
        when(product.getAllParentCategoryXrefs()).thenReturn(xrefs);
        return product;
    }

    static Customer customer(Long id, boolean registered) {
        Customer customer = mock(Customer.class);
        when(customer.getId()).thenReturn(id);
        when(customer.isRegistered()).thenReturn(registered);
        return customer;
    }

    /**
     * Makes Broadleaf's static {@code CustomerState.getCustomer(request)} work outside a store: its resolver is
     * looked up in an application context it is given at start. The real resolver reads the request attribute
     * {@code customer}.
     */
    static void installCustomerResolver() {
        StaticApplicationContext context = new StaticApplicationContext();
        context.registerSingleton("blRequestCustomerResolver", BroadleafRequestCustomerResolverImpl.class);
        context.refresh();
    }

    /** A transaction manager with no resource behind it: the adapter's transaction templates run their callbacks. */
    static PlatformTransactionManager transactions() {
        return new AbstractPlatformTransactionManager() {
            @Override
            protected Object doGetTransaction() {
                return new Object();
            }

            @Override
            protected void doBegin(Object transaction, TransactionDefinition definition) {
            }

            @Override
            protected void doCommit(DefaultTransactionStatus status) {
            }

            @Override
            protected void doRollback(DefaultTransactionStatus status) {
            }
        };
    }
}
