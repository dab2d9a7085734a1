package io.shelfwise.price;

import java.util.Locale;

/**
 * Units a product would sell at the suggested price against its current price, from a log-log price elasticity,
 * or an explicit statement that the data cannot say. Immutable.
 */
public final class DemandEstimate {

    /** Whether an estimate could be made. */
    public enum Status {
        /** Sold at enough distinct prices: units are estimated. */
        ESTIMATED,
        /** Sold at fewer than {@link DemandModel#MIN_PRICE_POINTS} distinct prices. */
        TOO_LITTLE_PRICE_VARIATION,
        /** No current price to compare with (a new product). */
        NO_CURRENT_PRICE
    }

    private final Status status;
    private final String message;
    private final int pricePoints;
    private final double elasticity;
    private final double productWeight;
    private final double unitsAtCurrent;
    private final double unitsAtSuggested;

    DemandEstimate(Status status, String message, int pricePoints, double elasticity, double productWeight,
                   double unitsAtCurrent, double unitsAtSuggested) {
        this.status = status;
        this.message = message;
        this.pricePoints = pricePoints;
        this.elasticity = elasticity;
        this.productWeight = productWeight;
        this.unitsAtCurrent = unitsAtCurrent;
        this.unitsAtSuggested = unitsAtSuggested;
    }

    public static DemandEstimate notEstimated(Status status, int pricePoints) {
        String message = status == Status.NO_CURRENT_PRICE
                ? "no current price to compare with"
                : String.format(Locale.ROOT, "too little price variation to estimate: sold at %d distinct price%s, "
                        + "needs %d", pricePoints, pricePoints == 1 ? "" : "s", DemandModel.MIN_PRICE_POINTS);
        return new DemandEstimate(status, message, pricePoints, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }

    public Status status() {
        return status;
    }

    /** Plain words for the console: the estimate, or why there is none. */
    public String message() {
        return message;
    }

    public int pricePoints() {
        return pricePoints;
    }

    /** d log(units) / d log(price), 0 or below; NaN when not estimated. */
    public double elasticity() {
        return elasticity;
    }

    /** How much of the elasticity is the product's own (0..1); the rest is the store-wide estimate. */
    public double productWeight() {
        return productWeight;
    }

    /** Units over the history's period at the current price; NaN when not estimated. */
    public double unitsAtCurrent() {
        return unitsAtCurrent;
    }

    /** Units over the same period at the suggested price; NaN when not estimated. */
    public double unitsAtSuggested() {
        return unitsAtSuggested;
    }

    @Override
    public String toString() {
        return status + ": " + message;
    }
}
