package io.shelfwise.admin.prices;

import io.shelfwise.price.review.StoredPriceSuggestion;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One price suggestion as the review list shows it: the product, its current and suggested price with the
 * interval, the change in percent, the factors that drove the suggestion and the demand estimate, in words.
 */
public final class PriceReviewRow {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final StoredPriceSuggestion suggestion;
    private final String productName;
    private final List<String> factors;
    private final String demand;

    public PriceReviewRow(StoredPriceSuggestion suggestion, String productName) {
        this.suggestion = suggestion;
        this.productName = productName;
        this.factors = factors(suggestion.featuresJson());
        this.demand = demand(suggestion.demandJson());
    }

    public long getId() {
        return suggestion.id();
    }

    public String getProductId() {
        return suggestion.productId();
    }

    public String getProductName() {
        return productName;
    }

    public BigDecimal getCurrentPrice() {
        return suggestion.currentPrice();
    }

    public BigDecimal getSuggestedPrice() {
        return suggestion.suggestedPrice();
    }

    public BigDecimal getLower() {
        return suggestion.lower();
    }

    public BigDecimal getUpper() {
        return suggestion.upper();
    }

    public int getLevelPercent() {
        return (int) Math.round(suggestion.level() * 100);
    }

    public BigDecimal getApprovedPrice() {
        return suggestion.approvedPrice();
    }

    /** Suggested against current, in percent (e.g. +12.5), or {@code null} for a product with no price. */
    public BigDecimal getChangePercent() {
        BigDecimal current = suggestion.currentPrice();
        if (current == null || current.signum() <= 0) {
            return null;
        }
        return suggestion.suggestedPrice().subtract(current).multiply(BigDecimal.valueOf(100))
                .divide(current, 1, RoundingMode.HALF_UP);
    }

    /** Whether the current price lies outside the interval. */
    public boolean isOutsideInterval() {
        BigDecimal current = suggestion.currentPrice();
        return current != null && (current.compareTo(suggestion.lower()) < 0
                || current.compareTo(suggestion.upper()) > 0);
    }

    public List<String> getFactors() {
        return factors;
    }

    public String getDemand() {
        return demand;
    }

    public String getModelVersion() {
        return suggestion.modelVersion();
    }

    public String getStatus() {
        return suggestion.status().name();
    }

    public boolean isPending() {
        return suggestion.status() == StoredPriceSuggestion.Status.PENDING;
    }

    public Instant getCreatedAt() {
        return suggestion.createdAt();
    }

    public String getDecidedBy() {
        return suggestion.decidedBy();
    }

    public Instant getDecidedAt() {
        return suggestion.decidedAt();
    }

    public String getNote() {
        return suggestion.note();
    }

    /** "+ 18% words 'set of 12'" style lines, strongest first, at most four. */
    static List<String> factors(String json) {
        if (json == null || json.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        try {
            for (JsonNode f : JSON.readTree(json)) {
                double effect = f.path("effect").asDouble(0);
                long percent = Math.round((effect - 1) * 100); // effect is a factor: 1.25 raised the price 25%
                out.add((percent >= 0 ? "+" : "") + percent + "% " + f.path("label").asString(""));
                if (out.size() == 4) {
                    break;
                }
            }
        } catch (JacksonException e) {
            out.add("factors unreadable");
        }
        return out;
    }

    /** The demand estimate in words: units at the current and suggested price, or why there is none. */
    static String demand(String json) {
        if (json == null || json.isEmpty()) {
            return "no demand estimate";
        }
        try {
            JsonNode d = JSON.readTree(json);
            if ("ESTIMATED".equals(d.path("status").asString(""))) {
                return String.format(java.util.Locale.ROOT, "%.0f units at the current price, %.0f at the suggested"
                                + " (elasticity %.2f, from %d price points)", d.path("unitsAtCurrent").asDouble(0),
                        d.path("unitsAtSuggested").asDouble(0), d.path("elasticity").asDouble(0),
                        d.path("pricePoints").asInt(0));
            }
            String message = d.path("message").asString("");
            return message.isEmpty() ? "no demand estimate" : message;
        } catch (JacksonException e) {
            return "demand estimate unreadable";
        }
    }
}
