package io.shelfwise.price;

import java.math.BigDecimal;

/**
 * What the advisor says about one product: the model's prediction (suggested price, interval, factors), the
 * current price it would replace, the demand estimate beside it, and the model version that made it
 * ({@code price@3}). A suggestion is advice only: it is stored for an admin to approve and is never applied by
 * itself. Immutable.
 */
public final class PriceSuggestion {

    private final ProductListing product;
    private final PricePrediction prediction;
    private final DemandEstimate demand;
    private final String modelVersion;

    public PriceSuggestion(ProductListing product, PricePrediction prediction, DemandEstimate demand, String modelVersion) {
        this.product = product;
        this.prediction = prediction;
        this.demand = demand;
        this.modelVersion = modelVersion;
    }

    public ProductListing product() {
        return product;
    }

    /** The current price, or {@code null} for a new product. */
    public BigDecimal currentPrice() {
        return product.currentPrice();
    }

    public BigDecimal suggestedPrice() {
        return prediction.price();
    }

    public PricePrediction prediction() {
        return prediction;
    }

    public DemandEstimate demand() {
        return demand;
    }

    /** {@code strategy@version} of the model that made it. */
    public String modelVersion() {
        return modelVersion;
    }

    @Override
    public String toString() {
        return prediction + " (" + modelVersion + ", current " + (currentPrice() == null ? "-"
                : currentPrice().toPlainString()) + "; demand " + demand + ")";
    }
}
