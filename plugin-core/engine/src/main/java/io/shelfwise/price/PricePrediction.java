package io.shelfwise.price;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

/**
 * The model's answer for one product: a suggested price and an interval meant to hold the true typical price with
 * the stated probability (split-conformal, calibrated on training products), and the factors that moved it most.
 * Prices are rounded to cents and never below 0.01. Immutable.
 */
public final class PricePrediction {

    private final String productId;
    private final BigDecimal price;
    private final BigDecimal lower;
    private final BigDecimal upper;
    private final double level;
    private final boolean unfamiliar;
    private final List<PriceFactor> factors;

    public PricePrediction(String productId, BigDecimal price, BigDecimal lower, BigDecimal upper, double level,
                    boolean unfamiliar, List<PriceFactor> factors) {
        this.productId = productId;
        this.price = price;
        this.lower = lower;
        this.upper = upper;
        this.level = level;
        this.unfamiliar = unfamiliar;
        this.factors = Collections.unmodifiableList(factors);
    }

    public String productId() {
        return productId;
    }

    /** The suggested price, at least 0.01. */
    public BigDecimal price() {
        return price;
    }

    public BigDecimal lower() {
        return lower;
    }

    public BigDecimal upper() {
        return upper;
    }

    /** The interval's intended coverage, e.g. 0.8. */
    public double level() {
        return level;
    }

    /**
     * True when nothing in training resembles the product (no shared word, no numbered code): the suggestion is
     * then close to the store's overall typical price and should be read as a guess.
     */
    public boolean unfamiliar() {
        return unfamiliar;
    }

    /** The factors that moved the price most, strongest first (at most five). */
    public List<PriceFactor> factors() {
        return factors;
    }

    @Override
    public String toString() {
        return productId + " " + price.toPlainString() + " [" + lower.toPlainString() + ", " + upper.toPlainString()
                + "]" + (unfamiliar ? " unfamiliar" : "") + " " + factors;
    }
}
