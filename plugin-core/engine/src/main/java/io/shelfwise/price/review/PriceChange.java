package io.shelfwise.price.review;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the price audit: who changed which product's price, when, from what, and for which suggestion. */
public final class PriceChange {

    private final long id;
    private final String productId;
    private final BigDecimal oldPrice;
    private final BigDecimal newPrice;
    private final String changedBy;
    private final Instant changedAt;
    private final Long suggestionId;

    PriceChange(long id, String productId, BigDecimal oldPrice, BigDecimal newPrice, String changedBy,
                Instant changedAt, Long suggestionId) {
        this.id = id;
        this.productId = productId;
        this.oldPrice = oldPrice;
        this.newPrice = newPrice;
        this.changedBy = changedBy;
        this.changedAt = changedAt;
        this.suggestionId = suggestionId;
    }

    public long id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    /** The price before, or {@code null} if the product had none. */
    public BigDecimal oldPrice() {
        return oldPrice;
    }

    public BigDecimal newPrice() {
        return newPrice;
    }

    public String changedBy() {
        return changedBy;
    }

    public Instant changedAt() {
        return changedAt;
    }

    /** The suggestion applied, or {@code null}. */
    public Long suggestionId() {
        return suggestionId;
    }

    @Override
    public String toString() {
        return productId + ": " + (oldPrice == null ? "-" : oldPrice.toPlainString()) + " -> "
                + newPrice.toPlainString() + " by " + changedBy + " at " + changedAt;
    }
}
