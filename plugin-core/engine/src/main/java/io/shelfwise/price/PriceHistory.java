package io.shelfwise.price;


import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a store knows to learn prices from: its products and its valid sale lines, plus a count of the input rows
 * that were left out and why. Immutable. A product's typical price is the median unit price of its sale lines;
 * products without a valid sale line are kept as listings (they can be priced) but teach no price.
 */
public final class PriceHistory {

    /** Why an input row was left out of training. */
    public enum Rejection {
        /** Unreadable: too few columns, no invoice number, a quantity or price that is not a number. */
        MALFORMED,
        /** No product code. */
        NO_PRODUCT,
        /** A cancelled order (online-retail invoice numbers starting with C). */
        CANCELLATION,
        /** Quantity 0 or below (returns, corrections). */
        NON_POSITIVE_QUANTITY,
        /** Unit price 0 or below (free items, bad-debt adjustments). */
        NON_POSITIVE_PRICE,
        /** The same row again. */
        DUPLICATE
    }

    private final Map<String, ProductListing> products;
    private final List<SaleLine> sales;
    private final Map<Rejection, Integer> rejected;

    public PriceHistory(Map<String, ProductListing> products, List<SaleLine> sales, Map<Rejection, Integer> rejected) {
        this.products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        this.sales = Collections.unmodifiableList(new ArrayList<>(sales));
        EnumMap<Rejection, Integer> counts = new EnumMap<>(Rejection.class);
        for (Rejection r : Rejection.values()) {
            counts.put(r, 0);
        }
        counts.putAll(rejected);
        this.rejected = Collections.unmodifiableMap(counts);
        for (SaleLine line : sales) {
            if (!products.containsKey(line.productId())) {
                throw new IllegalArgumentException("Sale line of unknown product " + line.productId()
                        + ": every product sold needs a listing");
            }
        }
    }

    public Map<String, ProductListing> products() {
        return products;
    }

    public List<SaleLine> sales() {
        return sales;
    }

    /** Rows left out, by reason (every reason present, 0 when none). */
    public Map<Rejection, Integer> rejected() {
        return rejected;
    }

    public int rejectedTotal() {
        int n = 0;
        for (int c : rejected.values()) {
            n += c;
        }
        return n;
    }

    /** Products with at least one valid sale, with their median unit price, in id order. */
    public List<PricedProduct> pricedProducts() {
        Map<String, List<SaleLine>> byProduct = new TreeMap<>();
        for (SaleLine line : sales) {
            byProduct.computeIfAbsent(line.productId(), k -> new ArrayList<>()).add(line);
        }
        List<PricedProduct> out = new ArrayList<>(byProduct.size());
        for (Map.Entry<String, List<SaleLine>> e : byProduct.entrySet()) {
            out.add(new PricedProduct(products.get(e.getKey()), e.getValue()));
        }
        return out;
    }

    /** The median of the values (the mean of the middle two for an even count); the array is sorted in place. */
    public static double median(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("median of nothing");
        }
        Arrays.sort(values);
        int mid = values.length / 2;
        return values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
