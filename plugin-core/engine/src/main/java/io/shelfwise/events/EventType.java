package io.shelfwise.events;

/**
 * What a shopper did. The names are stored in the event store's EVENT_TYPE column: never rename one.
 */
public enum EventType {
    /** Viewed a product page: item. */
    PRODUCT_VIEW,
    /** Viewed a category page: category. */
    CATEGORY_VIEW,
    /** Searched: query and number of results. */
    SEARCH,
    /** Put an item in the cart: item, quantity, unit price. */
    CART_ADD,
    /** Changed the quantity of a cart line: item, new quantity. */
    CART_UPDATE,
    /** Took an item out of the cart: item. */
    CART_REMOVE,
    /** Bought an item: one event per order line, with order id, quantity, unit price paid and order total. */
    CHECKOUT,
    /** Signed in: the visitor (shopper key) became the customer (linked customer). */
    LOGIN,
    /** Saw a recommendation widget: placement, model version, A/B arm; item when per-item. */
    WIDGET_IMPRESSION,
    /** Clicked a recommended item: item, placement, model version, A/B arm. */
    WIDGET_CLICK,
    /** Rated or reviewed an item (imported interaction files): item, and the rating when the file has one. */
    RATED
}
