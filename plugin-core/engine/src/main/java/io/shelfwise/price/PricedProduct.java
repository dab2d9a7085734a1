package io.shelfwise.price;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A product with the sales that teach its price: its typical price is the median unit price of its lines. */
public final class PricedProduct {

    private final ProductListing listing;
    private final List<SaleLine> sales;
    private final double typicalPrice;

    PricedProduct(ProductListing listing, List<SaleLine> sales) {
        if (sales.isEmpty()) {
            throw new IllegalArgumentException("A priced product needs at least one sale: " + listing.id());
        }
        this.listing = listing;
        this.sales = Collections.unmodifiableList(new ArrayList<>(sales));
        double[] prices = new double[sales.size()];
        for (int i = 0; i < prices.length; i++) {
            prices[i] = sales.get(i).unitPrice();
        }
        this.typicalPrice = PriceHistory.median(prices);
    }

    public ProductListing listing() {
        return listing;
    }

    public List<SaleLine> sales() {
        return sales;
    }

    /** Median unit price of the valid sale lines; above 0. */
    public double typicalPrice() {
        return typicalPrice;
    }
}
