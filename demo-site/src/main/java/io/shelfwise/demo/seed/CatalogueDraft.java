package io.shelfwise.demo.seed;

import io.shelfwise.retail.RetailRow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the demo store is seeded with, worked out from the retail file before anything touches Broadleaf:
 * the products (name = the description used most often for the stock code, price = median unit price of its
 * sales, category from {@link ProductCategories}), the customers, and the historical invoices.
 * Only real product sales count (see {@link RetailRow#isProductSale()}): cancellations, returns, zero prices and
 * postage/fee lines are left out. Immutable once built.
 */
public final class CatalogueDraft {

    /** A product to create. */
    public static final class ProductDraft {
        private final String stockCode;
        private final String name;
        private final BigDecimal price;
        private final String category;
        private final int unitsSold;

        ProductDraft(String stockCode, String name, BigDecimal price, String category, int unitsSold) {
            this.stockCode = stockCode;
            this.name = name;
            this.price = price;
            this.category = category;
            this.unitsSold = unitsSold;
        }

        public String stockCode() {
            return stockCode;
        }

        public String name() {
            return name;
        }

        public BigDecimal price() {
            return price;
        }

        public String category() {
            return category;
        }

        public int unitsSold() {
            return unitsSold;
        }
    }

    /** One line of a historical invoice. */
    public static final class InvoiceLine {
        private final String stockCode;
        private final int quantity;
        private final BigDecimal unitPrice;

        InvoiceLine(String stockCode, int quantity, BigDecimal unitPrice) {
            this.stockCode = stockCode;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
        }

        public String stockCode() {
            return stockCode;
        }

        public int quantity() {
            return quantity;
        }

        public BigDecimal unitPrice() {
            return unitPrice;
        }
    }

    /** A historical invoice, in file order (invoice numbers grow with time). */
    public static final class InvoiceDraft {
        private final String invoiceNo;
        private final String customerId;
        private final String country;
        private final List<InvoiceLine> lines;

        InvoiceDraft(String invoiceNo, String customerId, String country, List<InvoiceLine> lines) {
            this.invoiceNo = invoiceNo;
            this.customerId = customerId;
            this.country = country;
            this.lines = Collections.unmodifiableList(lines);
        }

        public String invoiceNo() {
            return invoiceNo;
        }

        /** The customer, or {@code null} for a guest checkout. */
        public String customerId() {
            return customerId;
        }

        public String country() {
            return country;
        }

        public List<InvoiceLine> lines() {
            return lines;
        }
    }

    private final List<String> categories;
    private final List<ProductDraft> products;
    private final List<InvoiceDraft> invoices;
    private final Map<String, String> customerCountries;

    private CatalogueDraft(List<String> categories, List<ProductDraft> products, List<InvoiceDraft> invoices,
                           Map<String, String> customerCountries) {
        this.categories = Collections.unmodifiableList(categories);
        this.products = Collections.unmodifiableList(products);
        this.invoices = Collections.unmodifiableList(invoices);
        this.customerCountries = Collections.unmodifiableMap(customerCountries);
    }

    /** Works out the draft from the file's rows. */
    public static CatalogueDraft of(RetailTransactions transactions, ProductCategories categories) {
        Map<String, List<BigDecimal>> prices = new TreeMap<>();
        Map<String, Map<String, Integer>> descriptions = new HashMap<>();
        Map<String, Integer> units = new HashMap<>();
        Map<String, List<RetailRow>> invoiceLines = new LinkedHashMap<>();
        Map<String, String> customers = new TreeMap<>();
        for (RetailRow line : transactions.lines()) {
            if (!line.isProductSale()) {
                continue;
            }
            prices.computeIfAbsent(line.stockCode(), k -> new ArrayList<>()).add(line.unitPrice());
            if (!line.description().isEmpty()) {
                descriptions.computeIfAbsent(line.stockCode(), k -> new HashMap<>())
                        .merge(line.description(), 1, Integer::sum);
            }
            units.merge(line.stockCode(), line.quantity(), Integer::sum);
            invoiceLines.computeIfAbsent(line.invoiceNo(), k -> new ArrayList<>()).add(line);
            if (line.customerId() != null) {
                customers.putIfAbsent(line.customerId(), line.country());
            }
        }

        List<ProductDraft> products = new ArrayList<>();
        for (Map.Entry<String, List<BigDecimal>> entry : prices.entrySet()) {
            String code = entry.getKey();
            String description = mostFrequent(descriptions.get(code));
            String name = description == null ? "Item " + code : displayName(description);
            products.add(new ProductDraft(code, name, median(entry.getValue()), categories.categoryOf(description),
                    units.getOrDefault(code, 0)));
        }

        List<InvoiceDraft> invoices = new ArrayList<>();
        for (Map.Entry<String, List<RetailRow>> entry : invoiceLines.entrySet()) {
            List<RetailRow> rows = entry.getValue();
            List<InvoiceLine> lines = new ArrayList<>(rows.size());
            for (RetailRow row : rows) {
                lines.add(new InvoiceLine(row.stockCode(), row.quantity(), row.unitPrice()));
            }
            RetailRow first = rows.get(0);
            invoices.add(new InvoiceDraft(entry.getKey(), first.customerId(), first.country(), lines));
        }
        List<String> used = new ArrayList<>();
        for (String name : categories.names()) {
            for (ProductDraft product : products) {
                if (product.category().equals(name)) {
                    used.add(name);
                    break;
                }
            }
        }
        return new CatalogueDraft(used, products, invoices, customers);
    }

    static BigDecimal median(List<BigDecimal> values) {
        List<BigDecimal> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        BigDecimal median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        return median.setScale(2, RoundingMode.HALF_UP);
    }

    private static String mostFrequent(Map<String, Integer> counts) {
        if (counts == null) {
            return null;
        }
        String best = null;
        int bestCount = -1;
        for (Map.Entry<String, Integer> entry : counts.entrySet()) {
            boolean better = entry.getValue() > bestCount
                    || (entry.getValue() == bestCount && entry.getKey().compareTo(best) < 0);
            if (better) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }

    /** "WHITE HANGING HEART T-LIGHT HOLDER" becomes "White Hanging Heart T-Light Holder". */
    static String displayName(String description) {
        StringBuilder out = new StringBuilder(description.length());
        boolean startOfWord = true;
        for (char c : description.trim().replaceAll("\\s+", " ").toCharArray()) {
            if (Character.isLetter(c)) {
                out.append(startOfWord ? Character.toUpperCase(c) : Character.toLowerCase(c));
                startOfWord = false;
            } else {
                out.append(c);
                startOfWord = c == ' ' || c == '-' || c == '/' || c == '(' || c == '+';
            }
        }
        String name = out.toString().replace("'S ", "'s ");
        for (String small : new String[] {"Of", "And", "With", "In", "For", "The", "On"}) {
            name = name.replace(" " + small + " ", " " + small.toLowerCase(Locale.ROOT) + " ");
        }
        return name;
    }

    /** The categories that have products, in the order of the category rules (the catch-all last). */
    public List<String> categories() {
        return categories;
    }

    public List<ProductDraft> products() {
        return products;
    }

    public List<InvoiceDraft> invoices() {
        return invoices;
    }

    /** Customer id to the country of their first invoice. */
    public Map<String, String> customerCountries() {
        return customerCountries;
    }
}
