package io.shelfwise.price.review;

import java.math.BigDecimal;
import java.time.Instant;

/** A suggestion as the review flow keeps it: the model's figures, its status and who decided when. Immutable. */
public final class StoredPriceSuggestion {

    /** Where a suggestion is in the review flow. */
    public enum Status {
        /** Waiting for an admin. */
        PENDING,
        /** Approved (possibly at an edited price), not yet applied to the catalogue. */
        APPROVED,
        /** Turned down; never applied. */
        REJECTED,
        /** The approved price was written to the catalogue (see the audit). */
        APPLIED
    }

    final long id;
    final String productId;
    final BigDecimal currentPrice;
    final BigDecimal suggestedPrice;
    final BigDecimal lower;
    final BigDecimal upper;
    final double level;
    final BigDecimal approvedPrice;
    final String featuresJson;
    final String demandJson;
    final String modelVersion;
    final Status status;
    final Instant createdAt;
    final String decidedBy;
    final Instant decidedAt;
    final String note;

    StoredPriceSuggestion(long id, String productId, BigDecimal currentPrice, BigDecimal suggestedPrice,
                          BigDecimal lower, BigDecimal upper, double level, BigDecimal approvedPrice,
                          String featuresJson, String demandJson, String modelVersion, Status status,
                          Instant createdAt, String decidedBy, Instant decidedAt, String note) {
        this.id = id;
        this.productId = productId;
        this.currentPrice = currentPrice;
        this.suggestedPrice = suggestedPrice;
        this.lower = lower;
        this.upper = upper;
        this.level = level;
        this.approvedPrice = approvedPrice;
        this.featuresJson = featuresJson;
        this.demandJson = demandJson;
        this.modelVersion = modelVersion;
        this.status = status;
        this.createdAt = createdAt;
        this.decidedBy = decidedBy;
        this.decidedAt = decidedAt;
        this.note = note;
    }

    public long id() {
        return id;
    }

    public String productId() {
        return productId;
    }

    /** The price when the suggestion was made, or {@code null} for a new product. */
    public BigDecimal currentPrice() {
        return currentPrice;
    }

    public BigDecimal suggestedPrice() {
        return suggestedPrice;
    }

    public BigDecimal lower() {
        return lower;
    }

    public BigDecimal upper() {
        return upper;
    }

    public double level() {
        return level;
    }

    /** The price the admin approved (the suggested one, or their edit); {@code null} until approved. */
    public BigDecimal approvedPrice() {
        return approvedPrice;
    }

    /** The top factors as JSON: {@code [{"feature":..,"label":..,"effect":..}]}. */
    public String featuresJson() {
        return featuresJson;
    }

    /** The demand estimate as JSON: {@code {"status":..,"message":..,...}}. */
    public String demandJson() {
        return demandJson;
    }

    public String modelVersion() {
        return modelVersion;
    }

    public Status status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** Who approved or rejected it, or {@code null} while pending. */
    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }

    /** The admin's note (a reason for rejecting, say), or {@code null}. */
    public String note() {
        return note;
    }

    @Override
    public String toString() {
        return "#" + id + " " + productId + " " + suggestedPrice.toPlainString() + " " + status;
    }
}
