package io.shelfwise.recommend;

/**
 * One recommended item: its id, the model's score, which strategy and model version chose it, and a short
 * explanation ("Because you viewed ..."), with the item the explanation refers to when there is one. Immutable.
 */
public final class Recommendation {

    private final String itemId;
    private final float score;
    private final String strategy;
    private final String modelVersion;
    private final String reason;
    private final String reasonItemId;

    public Recommendation(String itemId, float score, String strategy, String modelVersion, String reason,
                   String reasonItemId) {
        this.itemId = itemId;
        this.score = score;
        this.strategy = strategy;
        this.modelVersion = modelVersion;
        this.reason = reason;
        this.reasonItemId = reasonItemId;
    }

    public String itemId() {
        return itemId;
    }

    public float score() {
        return score;
    }

    public String strategy() {
        return strategy;
    }

    /** The version label of the model that chose it ("default@3"), or "fallback" for the last resort. */
    public String modelVersion() {
        return modelVersion;
    }

    public String reason() {
        return reason;
    }

    /** The item the reason names, or {@code null}. */
    public String reasonItemId() {
        return reasonItemId;
    }

    @Override
    public String toString() {
        return itemId + " (" + strategy + ", " + score + ": " + reason + ")";
    }
}
