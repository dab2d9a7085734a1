package io.shelfwise.demo.seed;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.broadleafcommerce.common.currency.domain.BroadleafCurrency;
import org.broadleafcommerce.common.currency.service.BroadleafCurrencyService;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXrefImpl;
import org.broadleafcommerce.core.catalog.domain.CategoryXref;
import org.broadleafcommerce.core.catalog.domain.CategoryXrefImpl;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.catalog.service.type.ProductType;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderItemService;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.call.DiscreteOrderItemRequest;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.service.CustomerService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Fills an empty Broadleaf store from a {@link CatalogueDraft} through Broadleaf's own services and entities:
 * a root "Shop" category with one child per derived category, one product (with its default SKU) per stock code,
 * one registered customer per customer id, and one submitted order per historical invoice.
 * <p>
 * The file has no dates, only invoice numbers that grow with time, so invoices are given submit dates spread
 * evenly, in invoice order, over the year the data covers (December 2010 to December 2011). Guest invoices
 * (no customer id) are attached to a guest customer of their own, as Broadleaf requires a customer per order.
 * <p>
 * Seeding runs only when the catalogue has no products, so a restart never seeds twice. Work is committed in
 * batches; a failure leaves what was committed and is reported, and the next start does not retry over a
 * partial catalogue (reset the data folder instead). Not thread-safe: call from one thread at start-up.
 */
public class StoreSeeder {

    private static final Log LOG = LogFactory.getLog(StoreSeeder.class);

    /** Password of every seeded customer account, documented in the demo-site README. */
    public static final String CUSTOMER_PASSWORD = "shopper";

    static final String ROOT_CATEGORY = "Shop";
    /** URL of the root category whose children are the shop's departments. */
    public static final String ROOT_CATEGORY_URL = "/shop";
    private static final int ORDER_BATCH = 150;

    private final CatalogService catalogService;
    private final CustomerService customerService;
    private final OrderService orderService;
    private final OrderItemService orderItemService;
    private final BroadleafCurrencyService currencyService;
    private final TransactionTemplate transactions;
    private final String currencyCode;

    public StoreSeeder(CatalogService catalogService, CustomerService customerService, OrderService orderService,
                       OrderItemService orderItemService, BroadleafCurrencyService currencyService,
                       PlatformTransactionManager transactionManager, String currencyCode) {
        this.catalogService = catalogService;
        this.customerService = customerService;
        this.orderService = orderService;
        this.orderItemService = orderItemService;
        this.currencyService = currencyService;
        this.transactions = new TransactionTemplate(transactionManager);
        this.currencyCode = currencyCode;
    }

    /** What one seeding run created. */
    public static final class Result {
        public final int categories;
        public final int products;
        public final int customers;
        public final int orders;
        public final long millis;

        Result(int categories, int products, int customers, int orders, long millis) {
            this.categories = categories;
            this.products = products;
            this.customers = customers;
            this.orders = orders;
            this.millis = millis;
        }

        @Override
        public String toString() {
            return categories + " categories, " + products + " products, " + customers + " customers, "
                    + orders + " orders in " + millis + " ms";
        }
    }

    /** True when the catalogue already has products (the store was seeded before or built by hand). */
    public boolean hasCatalogue() {
        return transactions.execute(new TransactionCallback<Boolean>() {
            @Override
            public Boolean doInTransaction(TransactionStatus status) {
                return !catalogService.findAllProducts(1, 0).isEmpty();
            }
        });
    }

    /**
     * Seeds the store unless it already has a catalogue.
     *
     * @return what was created, or {@code null} when the store already had a catalogue
     */
    public Result seedIfEmpty(CatalogueDraft draft) {
        if (hasCatalogue()) {
            LOG.info("Store already has a catalogue; not seeding");
            return null;
        }
        long start = System.nanoTime();
        final Map<String, Long> skuIds = seedCatalogue(draft);
        final Map<String, Long> customerIds = seedCustomers(draft);
        int orders = 0;
        List<CatalogueDraft.InvoiceDraft> invoices = draft.invoices();
        for (int from = 0; from < invoices.size(); from += ORDER_BATCH) {
            final List<CatalogueDraft.InvoiceDraft> batch =
                    invoices.subList(from, Math.min(invoices.size(), from + ORDER_BATCH));
            final int offset = from;
            final int total = invoices.size();
            orders += transactions.execute(new TransactionCallback<Integer>() {
                @Override
                public Integer doInTransaction(TransactionStatus status) {
                    return seedOrders(batch, offset, total, skuIds, customerIds);
                }
            });
        }
        Result result = new Result(draft.products().isEmpty() ? 0 : draft.categories().size() + 1,
                skuIds.size(), customerIds.size(), orders, (System.nanoTime() - start) / 1_000_000L);
        LOG.info("Seeded the store: " + result);
        return result;
    }

    // Sku.setAvailable is deprecated in Broadleaf 3.1 in favour of inventory types, but its checkout still reads it.
    @SuppressWarnings("deprecation")
    private Map<String, Long> seedCatalogue(final CatalogueDraft draft) {
        return transactions.execute(new TransactionCallback<Map<String, Long>>() {
            @Override
            public Map<String, Long> doInTransaction(TransactionStatus status) {
                BroadleafCurrency currency = currency();
                Date activeFrom = date(2010, Calendar.JANUARY, 1);
                Category root = catalogService.createCategory();
                root.setName(ROOT_CATEGORY);
                root.setDescription("All products");
                root.setUrl(ROOT_CATEGORY_URL);
                root.setActiveStartDate(activeFrom);
                root = catalogService.saveCategory(root);

                Map<String, Category> categories = new HashMap<>();
                BigDecimal order = BigDecimal.ONE;
                for (String name : draft.categories()) {
                    Category category = catalogService.createCategory();
                    category.setName(name);
                    category.setDescription(name);
                    category.setUrl("/" + slug(name));
                    category.setActiveStartDate(activeFrom);
                    category.setDefaultParentCategory(root);
                    category = catalogService.saveCategory(category);
                    CategoryXref xref = new CategoryXrefImpl();
                    xref.setCategory(root);
                    xref.setSubCategory(category);
                    xref.setDisplayOrder(order);
                    order = order.add(BigDecimal.ONE);
                    root.getAllChildCategoryXrefs().add(xref);
                    categories.put(name, category);
                }
                root = catalogService.saveCategory(root);

                Map<String, Long> skuIds = new LinkedHashMap<>();
                Map<String, BigDecimal> displayOrder = new HashMap<>();
                for (CatalogueDraft.ProductDraft draftProduct : draft.products()) {
                    Category category = categories.get(draftProduct.category());
                    Sku sku = catalogService.createSku();
                    sku.setName(draftProduct.name());
                    sku.setDescription(draftProduct.name());
                    sku.setRetailPrice(new Money(draftProduct.price(), currency));
                    sku.setActiveStartDate(activeFrom);
                    sku.setCurrency(currency);
                    sku.setAvailable(true);
                    sku.setTaxable(false);
                    sku.setDiscountable(true);

                    Product product = catalogService.createProduct(ProductType.PRODUCT);
                    product.setDefaultSku(sku);
                    sku.setDefaultProduct(product);
                    product.setUrl("/" + slug(draftProduct.category()) + "/" + slug(draftProduct.name())
                            + "-" + draftProduct.stockCode().toLowerCase(Locale.ROOT));
                    product.setModel(draftProduct.stockCode());
                    product.setManufacturer("Shelfwise Gifts");
                    product.setDefaultCategory(category);
                    CategoryProductXref xref = new CategoryProductXrefImpl();
                    xref.setCategory(category);
                    xref.setProduct(product);
                    BigDecimal position = displayOrder.getOrDefault(draftProduct.category(), BigDecimal.ZERO)
                            .add(BigDecimal.ONE);
                    displayOrder.put(draftProduct.category(), position);
                    xref.setDisplayOrder(position);
                    product.getAllParentCategoryXrefs().add(xref);
                    product = catalogService.saveProduct(product);
                    skuIds.put(draftProduct.stockCode(), product.getDefaultSku().getId());
                }
                return skuIds;
            }
        });
    }

    private Map<String, Long> seedCustomers(final CatalogueDraft draft) {
        return transactions.execute(new TransactionCallback<Map<String, Long>>() {
            @Override
            public Map<String, Long> doInTransaction(TransactionStatus status) {
                Map<String, Long> ids = new LinkedHashMap<>();
                for (Map.Entry<String, String> entry : draft.customerCountries().entrySet()) {
                    String id = entry.getKey();
                    Customer customer = customerService.createNewCustomer();
                    customer.setUsername(customerEmail(id));
                    customer.setEmailAddress(customerEmail(id));
                    customer.setFirstName("Customer");
                    customer.setLastName(id);
                    customer.setUnencodedPassword(CUSTOMER_PASSWORD);
                    customer.setRegistered(true);
                    customer = customerService.saveCustomer(customer, true);
                    ids.put(id, customer.getId());
                }
                return ids;
            }
        });
    }

    /** The login (and e-mail address) of the seeded customer with this retail customer id. */
    public static String customerEmail(String retailCustomerId) {
        return "customer" + retailCustomerId + "@shelfwise.test";
    }

    private int seedOrders(List<CatalogueDraft.InvoiceDraft> batch, int offset, int total,
                           Map<String, Long> skuIds, Map<String, Long> customerIds) {
        BroadleafCurrency currency = currency();
        int created = 0;
        for (int i = 0; i < batch.size(); i++) {
            CatalogueDraft.InvoiceDraft invoice = batch.get(i);
            Customer customer;
            if (invoice.customerId() != null && customerIds.containsKey(invoice.customerId())) {
                customer = customerService.readCustomerById(customerIds.get(invoice.customerId()));
            } else {
                customer = customerService.createNewCustomer();
                customer.setUsername("guest-" + invoice.invoiceNo());
                customer = customerService.saveCustomer(customer, false);
            }
            Order order = orderService.createNewCartForCustomer(customer);
            order.setCurrency(currency);
            order.setOrderNumber(invoice.invoiceNo());
            order.setEmailAddress(customer.getEmailAddress());
            BigDecimal subtotal = BigDecimal.ZERO;
            for (CatalogueDraft.InvoiceLine line : invoice.lines()) {
                Long skuId = skuIds.get(line.stockCode());
                if (skuId == null) {
                    continue;
                }
                Sku sku = catalogService.findSkuById(skuId);
                Money price = new Money(line.unitPrice(), currency);
                DiscreteOrderItemRequest request = new DiscreteOrderItemRequest();
                request.setSku(sku);
                request.setProduct(sku.getDefaultProduct());
                request.setCategory(sku.getDefaultProduct().getDefaultCategory());
                request.setQuantity(line.quantity());
                request.setOrder(order);
                request.setRetailPriceOverride(price);
                request.setSalePriceOverride(price);
                DiscreteOrderItem item = orderItemService.createDiscreteOrderItem(request);
                item.setOrder(order);
                item.setName(sku.getName());
                item.setPrice(price);
                order.getOrderItems().add(item);
                subtotal = subtotal.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
            }
            order.setSubTotal(new Money(subtotal, currency));
            order.setTotal(new Money(subtotal, currency));
            order.setStatus(OrderStatus.SUBMITTED);
            order.setSubmitDate(invoiceDate(offset + i, total));
            try {
                orderService.save(order, false);
            } catch (PricingException e) {
                throw new IllegalStateException("Could not save historical order " + invoice.invoiceNo(), e);
            }
            created++;
        }
        return created;
    }

    private BroadleafCurrency currency() {
        BroadleafCurrency currency = currencyService.findCurrencyByCode(currencyCode);
        if (currency == null) {
            throw new IllegalStateException("Currency " + currencyCode + " is not in BLC_CURRENCY; "
                    + "the store's reference data (load_store_reference_data.sql) did not load");
        }
        return currency;
    }

    /** Submit date of the n-th of {@code total} invoices, spread over 2010-12-01 .. 2011-12-09. */
    static Date invoiceDate(int index, int total) {
        long first = date(2010, Calendar.DECEMBER, 1).getTime();
        long last = date(2011, Calendar.DECEMBER, 9).getTime();
        double position = total <= 1 ? 0 : (double) index / (total - 1);
        return new Date(first + Math.round(position * (last - first)));
    }

    private static Date date(int year, int month, int day) {
        Calendar calendar = Calendar.getInstance(TimeZone.getTimeZone("UTC"), Locale.ROOT);
        calendar.clear();
        calendar.set(year, month, day, 10, 0, 0);
        return calendar.getTime();
    }

    /** "Cards, Wrap & Stationery" becomes "cards-wrap-stationery". */
    static String slug(String text) {
        String slug = text.toLowerCase(Locale.ROOT).replace("&", " ").replaceAll("[^a-z0-9]+", "-");
        return slug.replaceAll("^-+|-+$", "");
    }
}
