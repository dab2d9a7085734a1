package io.shelfwise.recommend;

/** What a strategy's model reads as the "history" it scores from. */
public enum StrategyInput {
    /** The shopper's stored history plus this visit's activity (personalised "for you"). */
    SHOPPER_HISTORY,
    /** Only this visit's activity, in order, including the current product (real-time session). */
    SESSION,
    /** The page's items: the current product, else the cart (also bought, bought together, similar). */
    CONTEXT_ITEMS,
    /** Nothing: the model ranks by its prior alone (popular, trending). */
    NONE
}
