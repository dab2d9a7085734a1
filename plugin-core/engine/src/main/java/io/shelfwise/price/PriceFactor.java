package io.shelfwise.price;

/**
 * One reason behind a suggested price: a readable label ("word 'lantern'", "similar products' price 4.95") and its
 * effect on the price as a factor (1.25 = it raised the suggestion by 25%). Immutable.
 */
public final class PriceFactor {

    private final String feature;
    private final String label;
    private final double effect;

    public PriceFactor(String feature, String label, double effect) {
        this.feature = feature;
        this.label = label;
        this.effect = effect;
    }

    /** The model's feature name, e.g. {@code w:lantern} or {@code f:similar_price}. */
    public String feature() {
        return feature;
    }

    public String label() {
        return label;
    }

    /** Multiplicative effect on the suggested price, above 0. */
    public double effect() {
        return effect;
    }

    @Override
    public String toString() {
        return label + String.format(java.util.Locale.ROOT, " (x%.2f)", effect);
    }
}
