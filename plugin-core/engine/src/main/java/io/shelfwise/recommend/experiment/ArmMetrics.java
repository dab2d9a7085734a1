package io.shelfwise.recommend.experiment;

/**
 * One arm's online figures over an experiment's window (definitions in docs/ab-tests.md): shoppers exposed
 * (with at least one impression in the arm), item impressions, clicks and CTR (clicks / impressions), clicked items
 * added to the cart within the cart window after the click, the share of exposed shoppers who did so, and
 * conversion (the share of exposed shoppers who bought an item they clicked in the placement). Rates carry 95%
 * Wilson intervals. Immutable.
 */
public final class ArmMetrics {

    private final String arm;
    private final long exposedShoppers;
    private final Proportion ctr;
    private final long cartAdds;
    private final Proportion addToCart;
    private final Proportion conversion;

    ArmMetrics(String arm, long exposedShoppers, long impressions, long clicks, long cartAdds, long cartShoppers,
               long convertedShoppers) {
        this.arm = arm;
        this.exposedShoppers = exposedShoppers;
        this.ctr = new Proportion(Math.min(clicks, impressions), impressions);
        this.cartAdds = cartAdds;
        this.addToCart = new Proportion(cartShoppers, exposedShoppers);
        this.conversion = new Proportion(convertedShoppers, exposedShoppers);
    }

    public String arm() {
        return arm;
    }

    public long exposedShoppers() {
        return exposedShoppers;
    }

    /** Item impressions (one per item shown in a widget seen). */
    public long impressions() {
        return ctr.trials();
    }

    /** Clicks (capped at the impressions, should beacons of impressions have been lost). */
    public long clicks() {
        return ctr.successes();
    }

    /** Clicks / impressions. */
    public Proportion ctr() {
        return ctr;
    }

    /** Clicked items (shopper and item counted once) added to the cart within the cart window of the click. */
    public long cartAdds() {
        return cartAdds;
    }

    /** Exposed shoppers who added a clicked item to the cart within the cart window, / exposed shoppers. */
    public Proportion addToCart() {
        return addToCart;
    }

    /** Exposed shoppers who bought an item they clicked in the placement, / exposed shoppers. */
    public Proportion conversion() {
        return conversion;
    }

    @Override
    public String toString() {
        return arm + ": " + exposedShoppers + " shoppers, CTR " + ctr + ", cart " + addToCart + ", conversion "
                + conversion;
    }
}
